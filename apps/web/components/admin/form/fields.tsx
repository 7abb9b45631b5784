"use client";
import { formatEdtf, isEdtf } from "@stancemap/core/model";
// The plain controls of the record forms, each bound to a path of the form's values.
import type { ReactNode } from "react";
import { Field, FieldErrors, readValue, useForm } from "./FormContext";
import { fieldId } from "./form-state";

interface Common {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

export function TextField({
  type = "text",
  readOnly,
  dir,
  autoComplete,
  inputMode,
  placeholder,
  maxLength,
  list,
  ...f
}: Common & {
  list?: string;
  type?: "text" | "url" | "date";
  readOnly?: boolean;
  dir?: "auto" | "ltr";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "url";
  placeholder?: string;
  maxLength?: number;
}) {
  const api = useForm();
  return (
    <Field {...f}>
      {(control) => (
        <input
          {...control}
          type={type}
          name={f.path}
          value={readValue(api, f.path)}
          onChange={(e) => api.set(f.path, e.target.value)}
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

export function TextAreaField({ rows = 3, dir = "auto", lang, ...f }: Common & { rows?: number; dir?: "auto" | "ltr"; lang?: string }) {
  const api = useForm();
  return (
    <Field {...f}>
      {(control) => (
        <textarea
          {...control}
          name={f.path}
          rows={rows}
          dir={dir}
          lang={lang}
          value={readValue(api, f.path)}
          onChange={(e) => api.set(f.path, e.target.value)}
          aria-required={f.required || undefined}
        />
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
  const api = useForm();
  const value = readValue(api, f.path);
  return (
    <Field {...f}>
      {(control) => (
        <select
          {...control}
          name={f.path}
          value={value}
          disabled={disabled}
          onChange={(e) => api.set(f.path, e.target.value)}
          aria-required={f.required || undefined}
        >
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
  const api = useForm();
  const id = fieldId(path);
  const issues = api.issuesAt(path);
  const value = readValue(api, path);
  const describedBy = [hint ? `${id}-hint` : null, issues.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={`rf-radios${issues.length ? " rf-invalid" : ""}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="rf-radio-row">
        {choices.map(([v, label], i) => (
          <label key={v} className="rf-radio">
            <input
              type="radio"
              id={i === 0 ? id : undefined}
              name={path}
              value={v}
              checked={value === v}
              aria-invalid={issues.length > 0 || undefined}
              onChange={() => api.set(path, v)}
            />{" "}
            {label}
          </label>
        ))}
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} issues={issues} />
    </fieldset>
  );
}

/**
 * A date as EDTF text at the precision the sources give ("2023", "2022-09", "2025-07-03", "2021-08~",
 * "2023?", "2023/2024-03"), with a live reading of it in words below ("reads as: c. August 2021"); the
 * schema's error appears under it like any field's. Left empty, an optional date reads as `emptyReads`.
 */
export function EdtfField({ path, label, required, hint, emptyReads }: Common & { emptyReads?: string }) {
  const api = useForm();
  const value = readValue(api, path).trim();
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
