"use client";
// An actor's other names: aliases in use, former names and abbreviations, each optionally with its
// language and the source that uses it. Search (the dashboard's and the API's) finds the actor by them.
import { ALIAS_KINDS, MAX_ALIASES } from "@stancemap/core/model";
import { FieldErrors, useForm } from "./FormContext";
import { SelectField, TextField } from "./fields";
import { blankAlias, fieldId, type Values } from "./form-state";
import { RefPicker } from "./pickers";
import { RowTools, useRows } from "./RowTools";

const KIND_LABELS: Record<(typeof ALIAS_KINDS)[number], string> = {
  alias: "Also known as",
  former: "Former name",
  abbreviation: "Abbreviation",
};

export function AliasesEditor() {
  const api = useForm();
  const { rows, add } = useRows("aliases");
  const id = fieldId("aliases");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Other names</h2>
      <p className="hint">
        Names the actor is also known by (“Taliban”), former names and abbreviations (“IEA”). Search finds the actor by them. Cite the
        source that uses a name where there is one; up to {MAX_ALIASES}.
      </p>
      <div id={id} tabIndex={-1} className="rf-anchor">
        <FieldErrors id={`${id}-error`} issues={api.issuesAt("aliases")} />
      </div>
      {rows.map((row, i) => (
        <AliasRow key={String(row._uid)} row={row} index={i} count={rows.length} />
      ))}
      {rows.length < MAX_ALIASES ? (
        <button type="button" className="btn btn-secondary" id={`${id}-add`} onClick={() => add(blankAlias(), (n) => `aliases.${n}.name`)}>
          Add another name
        </button>
      ) : null}
    </section>
  );
}

function AliasRow({ index, count }: { row: Values; index: number; count: number }) {
  const p = `aliases.${index}`;
  return (
    <fieldset className="rf-row" id={fieldId(p)}>
      <legend>Other name {index + 1}</legend>
      <div className="rf-triple">
        <TextField path={`${p}.name`} label="Name" required dir="auto" maxLength={200} />
        <SelectField path={`${p}.kind`} label="Kind" required placeholder={null} choices={ALIAS_KINDS.map((k) => [k, KIND_LABELS[k]])} />
        <TextField path={`${p}.lang`} label="Language" hint="When not English, e.g. prs, ru" maxLength={35} />
      </div>
      <RefPicker path={`${p}.source`} list="sources" label="Source" hint="A source that uses this name." placeholder="Search sources…" />
      <RowTools path="aliases" index={index} count={count} what="Other name" />
    </fieldset>
  );
}
