"use client";
// Label, control, hint and error for one field of a record form; errors are react-hook-form's (the
// zod resolver's and the server's, set with setError).
import type { ReactNode } from "react";
import { useFormState } from "react-hook-form";
import { errorAt } from "./issues";
import { fieldId } from "./paths";

export interface ControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

/** The message shown at exactly this path, or null. */
export function useFieldError(path: string): string | null {
  const { errors } = useFormState({ name: path });
  return errorAt(errors, path);
}

export function describedBy(id: string, hint: unknown, error: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function Field({
  path,
  label,
  hint,
  required,
  className,
  children,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = fieldId(path);
  const error = useFieldError(path);
  return (
    <div className={`rf-field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="rf-optional"> (optional)</span>}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {message}
    </p>
  );
}

/** The error of a group (a list of rows) where the group starts, so the summary's link lands there. */
export function GroupError({ path }: { path: string }) {
  const id = fieldId(path);
  const error = useFieldError(path);
  return (
    <div id={id} tabIndex={-1} className="rf-anchor">
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
