"use client";
// An actor's local names (Dari, Pashto, Russian, Chinese…), each with its language and direction.
import { MAX_LOCAL_NAMES } from "@stancemap/core/model";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { GroupError } from "./Field";
import { SelectField, TextField } from "./fields";
import { focusSoon } from "./form-meta";
import { fieldId } from "./paths";
import { RowTools } from "./RowTools";
import { blankLocalName, type FormValues, type LocalNameRow } from "./record-values";

export function LocalNamesEditor() {
  const { control } = useFormContext<FormValues>();
  const rows = useFieldArray({ control, name: "names" });
  const live = (useWatch<FormValues>({ name: "names" }) ?? []) as LocalNameRow[];
  const id = fieldId("names");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Local names</h2>
      <p className="hint">The name as written in other languages. Dari, Pashto, Arabic and Urdu are written right to left.</p>
      <GroupError path="names" />
      <datalist id="rf-name-languages">
        {["prs", "ps", "fa", "ar", "ur", "ru", "zh", "uz", "tg", "tk"].map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {rows.fields.map((f, i) => {
        const p = `names.${i}`;
        const row = live[i];
        return (
          <fieldset className="rf-row" id={fieldId(p)} key={f.id}>
            <legend>Local name {i + 1}</legend>
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
            <p className="rf-preview" dir={row?.dir === "rtl" ? "rtl" : "ltr"} lang={row?.lang || undefined}>
              {row?.name}
            </p>
            <RowTools path="names" index={i} count={rows.fields.length} what="Local name" rows={rows} />
          </fieldset>
        );
      })}
      {rows.fields.length < MAX_LOCAL_NAMES ? (
        <button
          type="button"
          className="btn btn-secondary"
          id={`${id}-add`}
          onClick={() => {
            rows.append(blankLocalName(), { shouldFocus: false });
            focusSoon(fieldId(`names.${rows.fields.length}.name`));
          }}
        >
          Add a local name
        </button>
      ) : null}
    </section>
  );
}
