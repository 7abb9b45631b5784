"use client";
// Several actors at once (those involved in an event): the chosen actors as chips and a picker to add more.
import { useController, useFormState } from "react-hook-form";
import { Combobox } from "./Combobox";
import { describedBy, FieldError } from "./Field";
import { focusSoon, useFormMeta } from "./form-meta";
import { errorAt } from "./issues";
import { fieldId } from "./paths";

export function ActorListPicker({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const { options, announce } = useFormMeta();
  const { field } = useController({ name: path });
  const { errors } = useFormState({ name: path });
  const chosen = (Array.isArray(field.value) ? field.value : []) as string[];
  const id = fieldId(path);
  // The schema names the element (`actors.2`); the form shows them all in one field.
  const error = [errorAt(errors, path), ...chosen.map((_, i) => errorAt(errors, `${path}.${i}`))].filter(Boolean).join(" ") || null;
  const labelOf = (key: string) => options.actors.find((a) => a.key === key)?.label ?? key;
  return (
    <div className="rf-field">
      <label htmlFor={id}>
        {label}
        <span className="rf-optional"> (optional)</span>
      </label>
      {chosen.length > 0 ? (
        <ul className="rf-chips" aria-label={`${label}: chosen`}>
          {chosen.map((key, i) => (
            <li key={key}>
              <span dir="auto">{labelOf(key)}</span>
              <button
                type="button"
                className="rf-chip-remove"
                id={`${id}-remove-${i}`}
                aria-label={`Remove ${labelOf(key)}`}
                onClick={() => {
                  field.onChange(chosen.filter((k) => k !== key));
                  announce(`${labelOf(key)} removed.`);
                  focusSoon(id);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Combobox
        id={id}
        value=""
        onChange={(key) => {
          if (!key) return;
          field.onChange([...chosen, key]);
          announce(`${labelOf(key)} added.`);
        }}
        onBlur={field.onBlur}
        options={options.actors}
        exclude={chosen}
        invalid={error ? true : undefined}
        describedBy={describedBy(id, hint, error)}
        placeholder="Search actors to add…"
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
