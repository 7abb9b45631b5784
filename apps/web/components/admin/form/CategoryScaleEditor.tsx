"use client";
// A topic's ordered scale: a field array in scale order (the order field follows the rows), each row
// with a key, label, colour and description. Keys already published stay fixed: stances refer to them.
import { useController, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { FieldError, GroupError, useFieldError } from "./Field";
import { TextAreaField, TextField } from "./fields";
import { focusSoon } from "./form-meta";
import { fieldId } from "./paths";
import { RowTools } from "./RowTools";
import { blankCategory, type FormValues, type CategoryRow as Row } from "./record-values";

const HEX = /^#[0-9a-fA-F]{6}$/;

export function CategoryScaleEditor() {
  const { control } = useFormContext<FormValues>();
  const rows = useFieldArray({ control, name: "categories" });
  const live = (useWatch<FormValues>({ name: "categories" }) ?? []) as Row[];
  const id = fieldId("categories");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Scale</h2>
      <p className="hint">
        The categories in order, first to last (at least two). The map colours each actor by its category; pick colours that stay apart for
        colour-blind readers.
      </p>
      <GroupError path="categories" />
      <ol className="rf-scale-preview" aria-label="Scale preview">
        {rows.fields.map((f, i) => {
          const c = live[i];
          return (
            <li key={f.id}>
              <span className="rf-swatch" style={{ background: c && HEX.test(c.colour) ? c.colour : "transparent" }} aria-hidden="true" />
              <span dir="auto">{c?.label || c?.key || "(no label yet)"}</span>
            </li>
          );
        })}
      </ol>
      {rows.fields.map((f, i) => (
        <CategoryRow key={f.id} index={i} count={rows.fields.length} existing={live[i]?._existing === true} rows={rows} />
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        id={`${id}-add`}
        onClick={() => {
          rows.append(blankCategory(), { shouldFocus: false });
          focusSoon(fieldId(`categories.${rows.fields.length}.label`));
        }}
      >
        Add a category
      </button>
    </section>
  );
}

function CategoryRow({
  index,
  count,
  existing,
  rows,
}: {
  index: number;
  count: number;
  existing: boolean;
  rows: Parameters<typeof RowTools>[0]["rows"];
}) {
  const p = `categories.${index}`;
  const { field } = useController({ name: `${p}.colour` });
  const colour = String(field.value ?? "");
  const colourId = fieldId(`${p}.colour`);
  const colourError = useFieldError(`${p}.colour`);
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
          readOnly={existing}
          hint={existing ? "Published stances use this key, so it cannot change." : "Suggested from the label."}
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
            onChange={(e) => field.onChange(e.target.value)}
          />
          <input
            type="text"
            id={colourId}
            aria-label={`Colour of category ${index + 1} as #rrggbb`}
            className="rf-hex"
            value={colour}
            onChange={(e) => field.onChange(e.target.value)}
            onBlur={field.onBlur}
            aria-invalid={colourError ? true : undefined}
            aria-describedby={colourError ? `${colourId}-error` : undefined}
            spellCheck={false}
            maxLength={7}
          />
        </div>
        <FieldError id={`${colourId}-error`} message={colourError} />
      </div>
      <TextAreaField path={`${p}.description`} label="Description" rows={2} hint="What puts an actor in this category." />
      <FieldError id={`${fieldId(`${p}.order`)}-error`} message={useFieldError(`${p}.order`)} />
      <RowTools path="categories" index={index} count={count} what="Category" rows={rows} />
    </fieldset>
  );
}
