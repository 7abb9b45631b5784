"use client";
// A quote's speaker as the source names them: a combobox that offers actors but keeps whatever is typed
// (never reverted on blur, never replaced by a match), a link to the actor when one is chosen, and a title.
// Controlled (value/onChange) so either form layer can hold it.
import { useId, useMemo, useState } from "react";
import type { PickOption } from "./options";
import type { SpeakerValue } from "./speaker-value";

const MAX_SHOWN = 20;

function matching(actors: readonly PickOption[], query: string): PickOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return actors.filter((o) => {
    const hay = `${o.label} ${o.key} ${o.hint ?? ""}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function SpeakerField(props: {
  /** The id of the name input, which the field's label points at. */
  id: string;
  value: SpeakerValue;
  onChange: (value: SpeakerValue) => void;
  actors: readonly PickOption[];
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  /** The title input's error, if any. */
  titleInvalid?: boolean;
}) {
  const { id, value, onChange, actors } = props;
  const titleId = useId();
  const [open, setOpen] = useState(false);
  // No option is active until the arrows move to one: Enter then keeps the typed name, never a match.
  const [active, setActive] = useState(-1);
  const linked = actors.find((a) => a.key === value.actor);
  // A record whose source names only the actor (or one written before names were kept) has no name: the actor's stands.
  const shownName = value.name || (value.actor && !value.name ? (linked?.label ?? value.actor) : "");
  const results = useMemo(() => matching(actors, open ? value.name : ""), [actors, open, value.name]);
  const shown = results.slice(0, MAX_SHOWN);
  const listId = `${id}-actors`;
  const activeId = open && active >= 0 && shown[active] ? `${id}-actor-${active}` : undefined;

  const link = (o: PickOption) => {
    // What was typed was a search for this actor: its name becomes the name. A person speaking for it is named
    // after linking (the link stays while the name is edited).
    onChange({ ...value, actor: o.key, name: o.label });
    setOpen(false);
    setActive(-1);
  };

  return (
    <div className="rf-speaker">
      <div className="rf-combo">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open && shown.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-invalid={props.invalid || undefined}
          aria-describedby={props.describedBy}
          aria-required={props.required || undefined}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          maxLength={300}
          placeholder="A name as printed, or search actors…"
          value={shownName}
          onChange={(e) => {
            onChange({ ...value, name: e.target.value });
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={(e) => {
            const n = shown.length;
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setOpen(true);
              if (n > 0) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
            } else if (e.key === "Enter" && open) {
              e.preventDefault();
              const o = active >= 0 ? shown[active] : undefined;
              if (o) link(o);
              else setOpen(false);
            } else if (e.key === "Escape" && open) {
              e.preventDefault();
              setOpen(false);
            }
          }}
          onBlur={() => setOpen(false)}
        />
        {open && shown.length > 0 ? (
          <div className="rf-combo-popup">
            <div id={listId} role="listbox" aria-label="Link to an actor" className="rf-combo-list">
              {shown.map((o, i) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users pick with the arrows and Enter in the input.
                <div
                  key={o.key}
                  tabIndex={-1}
                  id={`${id}-actor-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={o.key === value.actor ? "rf-combo-current" : undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => link(o)}
                  onMouseMove={() => setActive(i)}
                >
                  <span dir="auto">Link to {o.label}</span>
                  <small>
                    {o.hint ? <span dir="auto">{o.hint} · </span> : null}
                    {o.key}
                  </small>
                </div>
              ))}
            </div>
          </div>
        ) : null}
      </div>
      <p className="rf-combo-note" aria-live="polite">
        {value.actor ? (
          <>
            Linked to actor: <strong>{linked?.label ?? value.actor}</strong>
            {linked ? null : " (not a published record)"}{" "}
            <button
              type="button"
              className="btn btn-secondary rf-speaker-unlink"
              onClick={() => onChange({ ...value, name: shownName, actor: "" })}
            >
              Unlink
            </button>
          </>
        ) : (
          "Not linked to an actor: the name is kept as typed."
        )}
      </p>
      <div className="rf-field">
        <label htmlFor={titleId}>
          Speaker's title or role <span className="rf-optional"> (optional)</span>
        </label>
        <input
          id={titleId}
          type="text"
          dir="auto"
          maxLength={300}
          aria-invalid={props.titleInvalid || undefined}
          placeholder="e.g. Foreign Office spokesperson"
          value={value.title}
          onChange={(e) => onChange({ ...value, title: e.target.value })}
        />
      </div>
    </div>
  );
}
