"use client";
// A topic's ordered scale: rows in scale order (the order field follows the rows), each with a key,
// label, colour and description. Keys already published stay fixed: stances refer to them.
import { FieldErrors, readValue, useForm } from "./FormContext";
import { TextAreaField, TextField } from "./fields";
import { blankCategory, fieldId, type Values } from "./form-state";
import { RowTools, useRows } from "./RowTools";

const HEX = /^#[0-9a-fA-F]{6}$/;

export function CategoryScaleEditor() {
  const api = useForm();
  const { rows, add } = useRows("categories");
  const id = fieldId("categories");
  const issues = api.issuesAt("categories");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Scale</h2>
      <p className="hint">
        The categories in order, first to last (at least two). The map colours each actor by its category; pick colours that stay apart for
        colour-blind readers.
      </p>
      <div id={id} tabIndex={-1} className="rf-anchor">
        <FieldErrors id={`${id}-error`} issues={issues} />
      </div>
      <ol className="rf-scale-preview" aria-label="Scale preview">
        {rows.map((c) => (
          <li key={String(c._uid)}>
            <span
              className="rf-swatch"
              style={{ background: HEX.test(String(c.colour)) ? String(c.colour) : "transparent" }}
              aria-hidden="true"
            />
            <span dir="auto">{String(c.label || c.key || "(no label yet)")}</span>
          </li>
        ))}
      </ol>
      {rows.map((row, i) => (
        <CategoryRow key={String(row._uid)} row={row} index={i} count={rows.length} />
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        id={`${id}-add`}
        onClick={() => add(blankCategory(), (n) => `categories.${n}.label`)}
      >
        Add a category
      </button>
    </section>
  );
}

function CategoryRow({ row, index, count }: { row: Values; index: number; count: number }) {
  const api = useForm();
  const p = `categories.${index}`;
  const colour = readValue(api, `${p}.colour`);
  const colourId = fieldId(`${p}.colour`);
  const colourIssues = api.issuesAt(`${p}.colour`);
  return (
    <fieldset className="rf-row" id={fieldId(p)}>
      <legend>
        Category {index + 1} <span className="muted">(order {index + 1})</span>
      </legend>
      <div className="rf-pair">
        <TextField path={`${p}.label`} label="Label" required maxLength={120} dir="auto" />
        <TextField
          path={`${p}.key`}
          label="Key"
          required
          readOnly={row._existing === true}
          hint={row._existing ? "Published stances use this key, so it cannot change." : "Suggested from the label."}
        />
      </div>
      <div className="rf-field">
        <span className="rf-label" id={`${colourId}-label`}>
          Colour
        </span>
        <div className="rf-colour">
          <input
            type="color"
            aria-labelledby={`${colourId}-label`}
            value={HEX.test(colour) ? colour.toLowerCase() : "#888888"}
            onChange={(e) => api.set(`${p}.colour`, e.target.value)}
          />
          <input
            type="text"
            id={colourId}
            aria-label={`Colour of category ${index + 1} as #rrggbb`}
            className="rf-hex"
            value={colour}
            onChange={(e) => api.set(`${p}.colour`, e.target.value)}
            aria-invalid={colourIssues.length > 0 || undefined}
            aria-describedby={colourIssues.length ? `${colourId}-error` : undefined}
            spellCheck={false}
            maxLength={7}
          />
        </div>
        <FieldErrors id={`${colourId}-error`} issues={colourIssues} />
      </div>
      <TextAreaField path={`${p}.description`} label="Description" rows={2} hint="What puts an actor in this category." />
      <FieldErrors id={`${fieldId(`${p}.order`)}-error`} issues={api.issuesAt(`${p}.order`)} />
      <RowTools path="categories" index={index} count={count} what="Category" />
    </fieldset>
  );
}
