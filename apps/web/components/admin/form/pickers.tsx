"use client";
// Pickers for references to other records, fed from the published data plus open drafts.
import type { ReactNode } from "react";
import { useController, useWatch } from "react-hook-form";
import { Combobox } from "./Combobox";
import { describedBy, Field, FieldError, useFieldError } from "./Field";
import { SelectField } from "./fields";
import { useFormMeta } from "./form-meta";
import { fieldId } from "./paths";

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
  const { options } = useFormMeta();
  const { field } = useController({ name: path });
  return (
    <Field path={path} label={label} hint={hint} required={required}>
      {(control) => (
        <Combobox
          id={control.id}
          invalid={control["aria-invalid"]}
          describedBy={control["aria-describedby"]}
          required={required}
          value={String(field.value ?? "")}
          onChange={field.onChange}
          onBlur={field.onBlur}
          options={options[list]}
          exclude={exclude}
          disabled={disabled}
          placeholder={placeholder}
        />
      )}
    </Field>
  );
}

export function TopicSelect({ path = "topic", disabled }: { path?: string; disabled?: boolean }) {
  const { options } = useFormMeta();
  return (
    <SelectField
      path={path}
      label="Topic"
      required
      disabled={disabled}
      choices={options.topics.map((t) => [t.key, t.draftId ? `${t.label} (draft)` : t.label] as const)}
      placeholder="Choose a topic…"
    />
  );
}

/** The chosen topic's scale, in order; empty until a topic is chosen. */
export function CategorySelect({ topicPath = "topic", path = "category" }: { topicPath?: string; path?: string }) {
  const { options } = useFormMeta();
  const [topicKey, value] = useWatch({ name: [topicPath, path] });
  const topic = options.topics.find((t) => t.key === topicKey);
  const categories = [...(topic?.categories ?? [])].sort((a, b) => a.order - b.order);
  const current = categories.find((c) => c.key === value);
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
  const { options } = useFormMeta();
  const topicKey = useWatch({ name: topicPath });
  const { field } = useController({ name: path });
  const topic = options.topics.find((t) => t.key === topicKey);
  const chosen = Array.isArray(field.value) ? (field.value as string[]) : [];
  const id = fieldId(path);
  const error = useFieldError(path);
  const known = new Set((topic?.qualifiers ?? []).map((q) => q.key));
  // A key the topic no longer has stays visible, so saving does not drop it silently.
  const unknown = chosen.filter((k) => !known.has(k));
  if (!topic || (topic.qualifiers.length === 0 && unknown.length === 0)) return null;
  const toggle = (key: string, on: boolean) =>
    field.onChange(on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key));
  return (
    <fieldset className={`rf-radios rf-checks${error ? " rf-invalid" : ""}`} aria-describedby={describedBy(id, true, error)}>
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
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
