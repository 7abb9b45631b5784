"use client";
// An actor's local names (Dari, Pashto, Russian, Chinese…), each with its language and direction.
import { FieldErrors, readValue, useForm } from "./FormContext";
import { SelectField, TextField } from "./fields";
import { blankLocalName, fieldId, type Values } from "./form-state";
import { RowTools, useRows } from "./RowTools";

export function LocalNamesEditor() {
  const api = useForm();
  const { rows, add } = useRows("names");
  const id = fieldId("names");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Local names</h2>
      <p className="hint">The name as written in other languages. Dari, Pashto, Arabic and Urdu are written right to left.</p>
      <div id={id} tabIndex={-1} className="rf-anchor">
        <FieldErrors id={`${id}-error`} issues={api.issuesAt("names")} />
      </div>
      {rows.map((row, i) => (
        <LocalNameRow key={String(row._uid)} row={row} index={i} count={rows.length} />
      ))}
      <button type="button" className="btn btn-secondary" id={`${id}-add`} onClick={() => add(blankLocalName(), (n) => `names.${n}.name`)}>
        Add a local name
      </button>
    </section>
  );
}

function LocalNameRow({ index, count }: { row: Values; index: number; count: number }) {
  const api = useForm();
  const p = `names.${index}`;
  return (
    <fieldset className="rf-row" id={fieldId(p)}>
      <legend>Local name {index + 1}</legend>
      <div className="rf-triple">
        <TextField path={`${p}.name`} label="Name" required dir="auto" maxLength={200} />
        <TextField path={`${p}.lang`} label="Language" required list="rf-name-languages" hint="e.g. prs, ps, ru, zh" maxLength={35} />
        <SelectField
          path={`${p}.dir`}
          label="Direction"
          required
          placeholder={null}
          choices={[
            ["rtl", "Right to left"],
            ["ltr", "Left to right"],
          ]}
        />
      </div>
      <p className="rf-preview" dir={readValue(api, `${p}.dir`) === "rtl" ? "rtl" : "ltr"} lang={readValue(api, `${p}.lang`) || undefined}>
        {readValue(api, `${p}.name`)}
      </p>
      <RowTools path="names" index={index} count={count} what="Local name" />
      <datalist id="rf-name-languages">
        {["prs", "ps", "fa", "ar", "ur", "ru", "zh", "uz", "tg", "tk"].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </fieldset>
  );
}
