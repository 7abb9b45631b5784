"use client";
// An actor's other names: aliases in use, former names and abbreviations, each optionally with its
// language and the source that uses it. Search (the dashboard's and the API's) finds the actor by them.
import { ALIAS_KINDS, MAX_ALIASES } from "@stancemap/core/model";
import { useFieldArray, useFormContext } from "react-hook-form";
import { GroupError } from "./Field";
import { SelectField, TextField } from "./fields";
import { focusSoon } from "./form-meta";
import { fieldId } from "./paths";
import { RefPicker } from "./pickers";
import { RowTools } from "./RowTools";
import { blankAlias, type FormValues } from "./record-values";

const KIND_LABELS: Record<(typeof ALIAS_KINDS)[number], string> = {
  alias: "Also known as",
  former: "Former name",
  abbreviation: "Abbreviation",
};

export function AliasesEditor() {
  const { control } = useFormContext<FormValues>();
  const rows = useFieldArray({ control, name: "aliases" });
  const id = fieldId("aliases");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Other names</h2>
      <p className="hint">
        Names the actor is also known by (“Taliban”), former names and abbreviations (“IEA”). Search finds the actor by them. Cite the
        source that uses a name where there is one; up to {MAX_ALIASES}.
      </p>
      <GroupError path="aliases" />
      {rows.fields.map((f, i) => {
        const p = `aliases.${i}`;
        return (
          <fieldset className="rf-row" id={fieldId(p)} key={f.id}>
            <legend>Other name {i + 1}</legend>
            <div className="rf-triple">
              <TextField path={`${p}.name`} label="Name" required dir="auto" maxLength={200} />
              <SelectField
                path={`${p}.kind`}
                label="Kind"
                required
                placeholder={null}
                choices={ALIAS_KINDS.map((k) => [k, KIND_LABELS[k]])}
              />
              <TextField path={`${p}.lang`} label="Language" hint="When not English, e.g. prs, ru" maxLength={35} />
            </div>
            <RefPicker
              path={`${p}.source`}
              list="sources"
              label="Source"
              hint="A source that uses this name."
              placeholder="Search sources…"
            />
            <RowTools path="aliases" index={i} count={rows.fields.length} what="Other name" rows={rows} />
          </fieldset>
        );
      })}
      {rows.fields.length < MAX_ALIASES ? (
        <button
          type="button"
          className="btn btn-secondary"
          id={`${id}-add`}
          onClick={() => {
            rows.append(blankAlias(), { shouldFocus: false });
            focusSoon(fieldId(`aliases.${rows.fields.length}.name`));
          }}
        >
          Add another name
        </button>
      ) : null}
    </section>
  );
}
