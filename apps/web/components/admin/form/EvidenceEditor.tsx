"use client";
// The sources behind a stance, reaction or event: a field array whose rows each cite an existing
// source or create one in place (saved in the same draft, before the record), with a locator and an
// optional quote.
import { MAX_EVIDENCE } from "@stancemap/core/model";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { GroupError, useFieldError } from "./Field";
import { DayField, RadioField, TextAreaField, TextField } from "./fields";
import { focusSoon } from "./form-meta";
import { fieldId } from "./paths";
import { RefPicker } from "./pickers";
import { LanguageList, QuoteFields } from "./QuoteFields";
import { RowTools } from "./RowTools";
import { blankEvidence, type FormValues } from "./record-values";

export function EvidenceEditor() {
  const { control, getValues } = useFormContext<FormValues>();
  const rows = useFieldArray({ control, name: "evidence" });
  const id = fieldId("evidence");
  const error = useFieldError("evidence");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Sources</h2>
      <p className="hint" id={`${id}-hint`}>
        Every claim needs at least one source, and cites up to {MAX_EVIDENCE}. Pick one already in the dataset, or create a new one here: it
        is saved in the same draft.
      </p>
      <GroupError path="evidence" />
      <LanguageList />
      {rows.fields.map((row, i) => (
        <EvidenceRow key={row.id} index={i} count={rows.fields.length} rows={rows} />
      ))}
      {rows.fields.length < MAX_EVIDENCE ? (
        <button
          type="button"
          className="btn btn-secondary"
          id={`${id}-add`}
          aria-describedby={error ? `${id}-error` : undefined}
          onClick={() => {
            const actor = getValues("actor");
            rows.append(blankEvidence(typeof actor === "string" ? actor : ""), { shouldFocus: false });
            focusSoon(fieldId(`evidence.${rows.fields.length}._mode`));
          }}
        >
          Add a source
        </button>
      ) : null}
    </section>
  );
}

function EvidenceRow({ index, count, rows }: { index: number; count: number; rows: Parameters<typeof RowTools>[0]["rows"] }) {
  const { register } = useFormContext<FormValues>();
  const p = `evidence.${index}` as const;
  const [mode, hasQuote, source] = useWatch<FormValues>({ name: [`${p}._mode`, `${p}._quote`, `${p}.source`] }) as [
    string,
    boolean,
    unknown,
  ];
  return (
    <fieldset className="rf-row" id={fieldId(p)}>
      <legend>Source {index + 1}</legend>
      <RadioField
        path={`${p}._mode`}
        legend="Where it comes from"
        choices={[
          ["existing", "A source already in the dataset"],
          ["new", "A new source, created here"],
        ]}
      />
      {mode === "new" ? (
        <NewSourceFields prefix={`${p}.newSource`} />
      ) : (
        <RefPicker
          path={`${p}.source`}
          list="sources"
          label="Source"
          required
          hint="Search by publisher, title or ID."
          placeholder="Search sources…"
        />
      )}
      <TextField path={`${p}.locator`} label="Where in the source" hint="An endnote, a section and paragraph, a page." maxLength={100} />
      <div className="rf-check">
        <input
          type="checkbox"
          id={fieldId(`${p}._quote`)}
          {...register(`${p}._quote`)}
          aria-controls={fieldId(`${p}.quote`)}
          aria-expanded={hasQuote === true}
        />
        <label htmlFor={fieldId(`${p}._quote`)}>Quote from this source</label>
      </div>
      {hasQuote === true && <QuoteFields path={`${p}.quote`} sourceId={mode === "new" || typeof source !== "string" ? "" : source} />}
      <RowTools path="evidence" index={index} count={count} what="Source" rows={rows} />
    </fieldset>
  );
}

function NewSourceFields({ prefix }: { prefix: string }) {
  return (
    <div className="rf-new-source">
      <div className="rf-pair">
        <TextField path={`${prefix}.publisher`} label="Publisher" required maxLength={300} dir="auto" />
        <TextField path={`${prefix}.author`} label="Author" maxLength={300} dir="auto" />
      </div>
      <TextField path={`${prefix}.title`} label="Title" required maxLength={500} dir="auto" />
      <TextField
        path={`${prefix}.id`}
        label="Source ID"
        required
        hint="Lowercase words joined by hyphens; suggested from the publisher and title."
      />
      <div className="rf-pair">
        <DayField path={`${prefix}.publishedOn`} label="Published on" />
        <DayField path={`${prefix}.accessedOn`} label="Accessed on" />
      </div>
      <TextField type="url" path={`${prefix}.url`} label="URL" placeholder="https://" inputMode="url" />
      <TextAreaField
        path={`${prefix}.reliability`}
        label="Reliability note"
        required
        rows={2}
        hint="How far this source can be trusted, and why."
      />
    </div>
  );
}
