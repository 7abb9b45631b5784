"use client";
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

export const PRECISIONS = [
  ["day", "Exact day"],
  ["month", "Month only"],
  ["year", "Year only"],
  ["circa", "Approximate"],
] as const;

/** A date and how exact it is, side by side. */
export function DateWithPrecision({
  path,
  precisionPath,
  label,
  required,
}: {
  path: string;
  precisionPath: string;
  label: string;
  required?: boolean;
}) {
  return (
    <div className="rf-pair">
      <TextField
        type="date"
        path={path}
        label={label}
        required={required}
        hint="For a month or a year, pick its first day and say how exact it is."
      />
      <SelectField path={precisionPath} label="How exact" required choices={PRECISIONS} placeholder={null} />
    </div>
  );
}

export const CONFIDENCE = [
  ["high", "High"],
  ["medium", "Medium"],
  ["low", "Low"],
] as const;
