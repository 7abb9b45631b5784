"use client";
// A searchable picker over many records (thousands of actors, every source), following the ARIA
// combobox pattern: type to filter, arrows to move, Enter to pick, Escape to close or undo.
import { useEffect, useMemo, useState } from "react";
import type { PickOption } from "./options";

const MAX_SHOWN = 50;

function matches(options: PickOption[], query: string): PickOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  const q = query.trim().toLowerCase();
  const hits = options.filter((o) => {
    const hay = `${o.label} ${o.key} ${o.hint ?? ""}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  // Exact names first, then names starting with what was typed: "russia" finds Russia before its ministry.
  const rank = (o: PickOption) => {
    const label = o.label.toLowerCase();
    if (label === q || o.key === q) return 0;
    if (label.startsWith(q)) return 1;
    if (o.key.startsWith(q)) return 2;
    return label.split(/\s+/).some((w) => w.startsWith(words[0] ?? "")) ? 3 : 4;
  };
  return hits.sort((a, b) => rank(a) - rank(b));
}

export function Combobox({
  id,
  value,
  onChange,
  onBlur,
  options,
  exclude,
  invalid,
  describedBy,
  required,
  placeholder = "Type to search…",
  disabled,
}: {
  id: string;
  value: string;
  onChange: (key: string) => void;
  onBlur?: () => void;
  options: PickOption[];
  exclude?: readonly string[];
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
  placeholder?: string;
  disabled?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${id}-listbox`;
  const selected = options.find((o) => o.key === value);
  const pool = useMemo(() => (exclude?.length ? options.filter((o) => !exclude.includes(o.key)) : options), [options, exclude]);
  const results = useMemo(() => matches(pool, editing ? query : ""), [pool, editing, query]);
  const shown = results.slice(0, MAX_SHOWN);
  const activeId = open && shown[active] ? `${id}-opt-${active}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const pick = (o: PickOption) => {
    onChange(o.key);
    setEditing(false);
    setOpen(false);
  };
  const close = () => {
    setOpen(false);
    setEditing(false);
  };

  return (
    <div className="rf-combo">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        disabled={disabled}
        placeholder={placeholder}
        value={editing ? query : (selected?.label ?? value)}
        onChange={(e) => {
          setEditing(true);
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (!open) {
              setOpen(true);
              setActive(0);
              return;
            }
            const n = shown.length;
            if (n > 0) setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
          } else if (e.key === "Enter") {
            if (open) {
              e.preventDefault();
              const o = shown[active];
              if (o) pick(o);
            }
          } else if (e.key === "Escape") {
            if (open || editing) e.preventDefault();
            close();
          }
        }}
        onBlur={() => {
          // Emptying the box and leaving it clears the choice; any other unfinished text is dropped.
          if (editing && query.trim() === "" && value) onChange("");
          close();
          onBlur?.();
        }}
      />
      {selected?.draftId || (value && !selected) ? (
        <p className="rf-combo-note">
          {selected ? `Only in open draft ${selected.draftId}: saved into that draft.` : `“${value}” is not a published record.`}
        </p>
      ) : null}
      <div className="rf-sr" aria-live="polite">
        {open ? `${results.length} result${results.length === 1 ? "" : "s"}` : ""}
      </div>
      {open && (
        <div className="rf-combo-popup">
          <div id={listId} role="listbox" aria-label="Choices" className="rf-combo-list">
            {shown.map((o, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users pick with the arrows and Enter in the input.
              <div
                key={o.key}
                tabIndex={-1}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={o.key === value ? "rf-combo-current" : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(o)}
                onMouseMove={() => setActive(i)}
              >
                <span dir="auto">{o.label}</span>
                <small>
                  {o.hint ? <span dir="auto">{o.hint} · </span> : null}
                  {o.key}
                  {o.draftId ? ` · draft ${o.draftId}` : ""}
                </small>
              </div>
            ))}
          </div>
          {results.length === 0 ? <p className="rf-combo-empty">Nothing matches “{query}”.</p> : null}
          {results.length > MAX_SHOWN ? (
            <p className="rf-combo-empty">{results.length - MAX_SHOWN} more: keep typing to narrow the list.</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
