"use client";
// Pickers for references to other records, fed from the published data plus open drafts.
import type { ReactNode } from "react";
import { Combobox } from "./Combobox";
import { Field, FieldErrors, readValue, useForm } from "./FormContext";
import { SelectField } from "./fields";
import { fieldId } from "./form-state";

export function RefPicker({
  path,
  list,
  label,
  hint,
  required,
  exclude,
  disabled,
  placeholder,
}: {
  path: string;
  list: "actors" | "sources" | "events";
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  exclude?: readonly string[];
  disabled?: boolean;
  placeholder?: string;
}) {
  const api = useForm();
  return (
    <Field path={path} label={label} hint={hint} required={required}>
      {(control) => (
        <Combobox
          id={control.id}
          invalid={control["aria-invalid"]}
          describedBy={control["aria-describedby"]}
          required={required}
          value={readValue(api, path)}
          onChange={(key) => api.set(path, key)}
          options={api.options[list]}
          exclude={exclude}
          disabled={disabled}
          placeholder={placeholder}
        />
      )}
    </Field>
  );
}

export function TopicSelect({ path = "topic", disabled }: { path?: string; disabled?: boolean }) {
  const api = useForm();
  return (
    <SelectField
      path={path}
      label="Topic"
      required
      disabled={disabled}
      choices={api.options.topics.map((t) => [t.key, t.draftId ? `${t.label} (draft)` : t.label] as const)}
      placeholder="Choose a topic…"
    />
  );
}

/** The chosen topic's scale, in order; empty until a topic is chosen. */
export function CategorySelect({ topicPath = "topic", path = "category" }: { topicPath?: string; path?: string }) {
  const api = useForm();
  const topic = api.options.topics.find((t) => t.key === readValue(api, topicPath));
  const categories = [...(topic?.categories ?? [])].sort((a, b) => a.order - b.order);
  const current = categories.find((c) => c.key === readValue(api, path));
  return (
    <div className="rf-category">
      <SelectField
        path={path}
        label="Category"
        required
        disabled={!topic}
        hint={topic ? "The actor's place on this topic's scale." : "Choose a topic first: each topic has its own scale."}
        choices={categories.map((c) => [c.key, `${c.order}. ${c.label}`] as const)}
      />
      {current ? <span className="rf-swatch" style={{ background: current.colour }} aria-hidden="true" /> : null}
    </div>
  );
}

/** The chosen topic's qualifying facts as checkboxes: those ticked hold for this stance. */
export function QualifierChecks({ topicPath = "topic", path = "qualifiers" }: { topicPath?: string; path?: string }) {
  const api = useForm();
  const topic = api.options.topics.find((t) => t.key === readValue(api, topicPath));
  const raw = api.get(path);
  const chosen = Array.isArray(raw) ? (raw as string[]) : [];
  const id = fieldId(path);
  const issues = api.issuesAt(path);
  const known = new Set((topic?.qualifiers ?? []).map((q) => q.key));
  // A key the topic no longer has stays visible, so saving does not drop it silently.
  const unknown = chosen.filter((k) => !known.has(k));
  if (!topic || (topic.qualifiers.length === 0 && unknown.length === 0)) return null;
  const toggle = (key: string, on: boolean) =>
    api.set(path, on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key));
  return (
    <fieldset
      className={`rf-radios rf-checks${issues.length ? " rf-invalid" : ""}`}
      aria-describedby={`${id}-hint${issues.length ? ` ${id}-error` : ""}`}
    >
      <legend>Qualifying facts</legend>
      {[...topic.qualifiers, ...unknown.map((key) => ({ key, label: `${key} (not on this topic)`, description: undefined }))].map(
        (q, i) => (
          <div key={q.key}>
            <label className="rf-check">
              <input
                type="checkbox"
                id={i === 0 ? id : undefined}
                name={path}
                value={q.key}
                checked={chosen.includes(q.key)}
                aria-describedby={q.description ? `${id}-${q.key}-about` : undefined}
                onChange={(e) => toggle(q.key, e.target.checked)}
              />{" "}
              {q.label}
            </label>
            {q.description ? (
              <p className="hint" id={`${id}-${q.key}-about`}>
                {q.description}
              </p>
            ) : null}
          </div>
        ),
      )}
      <p className="hint" id={`${id}-hint`}>
        Facts this topic's scale does not rank: a change of them is a change of stance.
      </p>
      <FieldErrors id={`${id}-error`} issues={issues} />
    </fieldset>
  );
}
