"use client";
// The plain controls of the record forms, each registered with react-hook-form by its path.
import { formatEdtf, isEdtf } from "@stancemap/core/model";
import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { describedBy, Field, FieldError, useFieldError } from "./Field";
import { fieldId } from "./paths";

interface Common {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

export function TextField({
  readOnly,
  dir,
  autoComplete,
  inputMode,
  placeholder,
  maxLength,
  list,
  type = "text",
  ...f
}: Common & {
  list?: string;
  type?: "text" | "url";
  readOnly?: boolean;
  dir?: "auto" | "ltr";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "url";
  placeholder?: string;
  maxLength?: number;
}) {
  const { register } = useFormContext();
  return (
    <Field {...f}>
      {(control) => (
        <input
          {...control}
          {...register(f.path)}
          type={type}
          readOnly={readOnly}
          dir={dir}
          autoComplete={autoComplete ?? "off"}
          inputMode={inputMode}
          placeholder={placeholder}
          maxLength={maxLength}
          list={list}
          aria-required={f.required || undefined}
        />
      )}
    </Field>
  );
}

/** A calendar day typed as YYYY-MM-DD: a browser's date picker would turn "30 February" into an empty field. */
export function DayField(f: Common) {
  return (
    <TextField {...f} placeholder="YYYY-MM-DD" inputMode="numeric" maxLength={10} hint={f.hint ?? "Year-month-day, e.g. 2025-07-03."} />
  );
}

export function TextAreaField({ rows = 3, dir = "auto", lang, ...f }: Common & { rows?: number; dir?: "auto" | "ltr"; lang?: string }) {
  const { register } = useFormContext();
  return (
    <Field {...f}>
      {(control) => (
        <textarea {...control} {...register(f.path)} rows={rows} dir={dir} lang={lang} aria-required={f.required || undefined} />
      )}
    </Field>
  );
}

export function SelectField({
  choices,
  placeholder = "Choose…",
  disabled,
  ...f
}: Common & { choices: readonly (readonly [string, string])[]; placeholder?: string | null; disabled?: boolean }) {
  const { register } = useFormContext();
  const value = String(useWatch({ name: f.path }) ?? "");
  return (
    <Field {...f}>
      {(control) => (
        <select {...control} {...register(f.path)} disabled={disabled} aria-required={f.required || undefined}>
          {placeholder === null ? null : <option value="">{placeholder}</option>}
          {choices.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
          {value && !choices.some(([v]) => v === value) ? <option value={value}>{value}</option> : null}
        </select>
      )}
    </Field>
  );
}

/** A small set of choices shown at once: a fieldset of radio buttons. */
export function RadioField({
  path,
  legend,
  choices,
  hint,
}: {
  path: string;
  legend: string;
  choices: readonly (readonly [string, string])[];
  hint?: string;
}) {
  const { register } = useFormContext();
  const id = fieldId(path);
  const error = useFieldError(path);
  return (
    <fieldset className={`rf-radios${error ? " rf-invalid" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <div className="rf-radio-row">
        {choices.map(([v, label], i) => (
          <label key={v} className="rf-radio">
            <input type="radio" id={i === 0 ? id : undefined} value={v} aria-invalid={error ? true : undefined} {...register(path)} />{" "}
            {label}
          </label>
        ))}
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/**
 * A date as EDTF text at the precision the sources give ("2023", "2022-09", "2025-07-03", "2021-08~",
 * "2023?", "2023/2024-03"), with a live reading of it in words below ("reads as: c. August 2021"); the
 * schema's error appears under it like any field's. Left empty, an optional date reads as `emptyReads`.
 */
export function EdtfField({ path, label, required, hint, emptyReads }: Common & { emptyReads?: string }) {
  const value = String(useWatch({ name: path }) ?? "").trim();
  const id = fieldId(path);
  const reading = value === "" ? (emptyReads ?? null) : isEdtf(value) ? formatEdtf(value) : null;
  return (
    <div className="rf-edtf">
      <TextField
        path={path}
        label={label}
        required={required}
        maxLength={64}
        placeholder="e.g. 2023, 2022-09, 2025-07-03, 2021-08~"
        hint={
          <>
            {hint ? <>{hint} </> : null}
            <span className="rf-reads" id={`${id}-reads`} aria-live="polite" data-valid={reading !== null || undefined}>
              {reading !== null ? (
                <>
                  Reads as: <strong>{reading}</strong>
                </>
              ) : value ? (
                "Not a date yet: a year (2023), a month (2022-09), a day (2025-07-03); ~ approximate, ? uncertain, / between."
              ) : null}
            </span>
          </>
        }
      />
    </div>
  );
}

export const CONFIDENCE = [
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
] as const;
