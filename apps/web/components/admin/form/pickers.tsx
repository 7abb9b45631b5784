"use client";
// Pickers for references to other records, fed from the published data plus open drafts.
import type { ReactNode } from "react";
import { Combobox } from "./Combobox";
import { Field, readValue, useForm } from "./FormContext";
import { SelectField } from "./fields";

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
