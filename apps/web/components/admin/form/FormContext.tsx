"use client";
// One record form's state, shared with its fields: values by path, the issues to show at each path,
// and the picker options. Every field finds its label, hint and error through `Field`.
import type { EntityType } from "@stancemap/core";
import { createContext, type ReactNode, useContext } from "react";
import { fieldId, getAt, type Values } from "./form-state";
import type { PickerOptions } from "./options";

export interface FormApi {
  type: EntityType;
  mode: "create" | "edit";
  values: Values;
  options: PickerOptions;
  get(path: string): unknown;
  set(path: string, value: unknown): void;
  /** Issues shown at exactly this path. */
  issuesAt(path: string): string[];
  /** Moves focus to the element with this id after the next render (after adding or moving a row). */
  focusLater(id: string): void;
  /** Says something to screen-reader users (a row removed or moved). */
  announce(message: string): void;
}

const FormContext = createContext<FormApi | null>(null);

export function FormProvider({ api, children }: { api: FormApi; children: ReactNode }) {
  return <FormContext.Provider value={api}>{children}</FormContext.Provider>;
}

export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error("useForm outside a record form");
  return api;
}

export function readValue(api: FormApi, path: string): string {
  const v = getAt(api.values, path);
  return v === undefined || v === null ? "" : String(v);
}

export interface ControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required"?: boolean;
}

/** Label, control, hint and the errors for one path; the control gets the ids that tie them together. */
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
  const api = useForm();
  const id = fieldId(path);
  const issues = api.issuesAt(path);
  const describedBy = [hint ? `${id}-hint` : null, issues.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`rf-field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="rf-optional"> (optional)</span>}
      </label>
      {children({ id, "aria-invalid": issues.length > 0 || undefined, "aria-describedby": describedBy })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} issues={issues} />
    </div>
  );
}

export function FieldErrors({ id, issues }: { id: string; issues: string[] }) {
  if (issues.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {issues.join(" ")}
    </p>
  );
}
