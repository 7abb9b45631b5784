"use client";
// Several actors at once (those involved in an event): a list of chosen actors and a picker to add more.
import { Combobox } from "./Combobox";
import { FieldErrors, useForm } from "./FormContext";
import { fieldId } from "./form-state";

export function ActorListPicker({ path, label, hint }: { path: string; label: string; hint?: string }) {
  const api = useForm();
  const chosen = (Array.isArray(api.get(path)) ? api.get(path) : []) as string[];
  const id = fieldId(path);
  const issues = chosen.flatMap((_, i) => api.issuesAt(`${path}.${i}`)).concat(api.issuesAt(path));
  const labelOf = (key: string) => api.options.actors.find((a) => a.key === key)?.label ?? key;
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
                  api.set(
                    path,
                    chosen.filter((k) => k !== key),
                  );
                  api.announce(`${labelOf(key)} removed.`);
                  api.focusLater(id);
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
          api.set(path, [...chosen, key]);
          api.announce(`${labelOf(key)} added.`);
        }}
        options={api.options.actors}
        exclude={chosen}
        invalid={issues.length > 0}
        describedBy={[hint ? `${id}-hint` : null, issues.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
        placeholder="Search actors to add…"
      />
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} issues={issues} />
    </div>
  );
}
