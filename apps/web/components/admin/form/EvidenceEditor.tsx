"use client";
// The sources behind a stance, reaction or event: each row cites an existing source or creates one
// in place (saved in the same draft, before the record), with a locator and an optional quote.
import { Field, FieldErrors, readValue, useForm } from "./FormContext";
import { RadioField, TextAreaField, TextField } from "./fields";
import { blankEvidence, fieldId, type Values } from "./form-state";
import { RefPicker } from "./pickers";
import { RowTools, useRows } from "./RowTools";
import { SpeakerField } from "./SpeakerField";
import { speakerValue } from "./speaker-value";

const LANGUAGES = [
  ["en", "English"],
  ["ru", "Russian"],
  ["zh", "Chinese"],
  ["prs", "Dari"],
  ["ps", "Pashto"],
  ["fa", "Persian"],
  ["ur", "Urdu"],
  ["ar", "Arabic"],
  ["uz", "Uzbek"],
  ["tk", "Turkmen"],
  ["tg", "Tajik"],
  ["fr", "French"],
  ["de", "German"],
] as const;

export function EvidenceEditor() {
  const api = useForm();
  const { rows, add } = useRows("evidence");
  const id = fieldId("evidence");
  const issues = api.issuesAt("evidence");
  const actor = readValue(api, "actor");
  return (
    <section className="rf-group" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Sources</h2>
      <p className="hint" id={`${id}-hint`}>
        Every claim needs at least one source. Pick one already in the dataset, or create a new one here: it is saved in the same draft.
      </p>
      <div id={id} tabIndex={-1} className="rf-anchor">
        <FieldErrors id={`${id}-error`} issues={issues} />
      </div>
      <datalist id="rf-languages">
        {LANGUAGES.map(([tag, name]) => (
          <option key={tag} value={tag}>
            {name}
          </option>
        ))}
      </datalist>
      {rows.map((row, i) => (
        <EvidenceRow key={String(row._uid)} row={row} index={i} count={rows.length} />
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        id={`${id}-add`}
        aria-describedby={issues.length ? `${id}-error` : undefined}
        onClick={() => add(blankEvidence(actor), (n) => `evidence.${n}._mode`)}
      >
        Add a source
      </button>
    </section>
  );
}

function EvidenceRow({ row, index, count }: { row: Values; index: number; count: number }) {
  const api = useForm();
  const p = `evidence.${index}`;
  const isNew = row._mode === "new";
  const hasQuote = row._quote === true;
  const quoteLang = readValue(api, `${p}.quote.language`) || undefined;
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
      {isNew ? (
        <NewSourceFields prefix={`${p}._new`} />
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
          checked={hasQuote}
          onChange={(e) => api.set(`${p}._quote`, e.target.checked)}
          aria-controls={fieldId(`${p}.quote`)}
          aria-expanded={hasQuote}
        />
        <label htmlFor={fieldId(`${p}._quote`)}>Quote from this source</label>
      </div>
      {hasQuote && (
        <div className="rf-quote" id={fieldId(`${p}.quote`)}>
          <TextAreaField
            path={`${p}.quote.text`}
            label="Quote, verbatim"
            required
            rows={4}
            lang={quoteLang}
            hint="Exactly as in the source, in its language. Right-to-left text shows as written."
          />
          <Field
            path={`${p}.quote.speaker.name`}
            label="Speaker"
            required
            hint="As the source names them. Pick an actor from the list to link it, or keep any name as typed."
          >
            {(control) => (
              <SpeakerField
                id={control.id}
                invalid={control["aria-invalid"]}
                describedBy={control["aria-describedby"]}
                required
                value={speakerValue(api.get(`${p}.quote.speaker`))}
                onChange={(v) => api.set(`${p}.quote.speaker`, v)}
                actors={api.options.actors}
              />
            )}
          </Field>
          <FieldErrors
            id={fieldId(`${p}.quote.speaker`)}
            issues={["", ".actor", ".title"].flatMap((k) => api.issuesAt(`${p}.quote.speaker${k}`))}
          />
          <div className="rf-pair">
            <TextField
              path={`${p}.quote.language`}
              label="Language"
              required
              list="rf-languages"
              hint="A BCP 47 tag: en, ru, zh, prs (Dari), ps (Pashto), ur, ar."
              maxLength={35}
            />
          </div>
          <TextAreaField
            path={`${p}.quote.translation`}
            label="Translation"
            rows={3}
            hint="An English translation, if the quote is in another language."
          />
        </div>
      )}
      <RowTools path="evidence" index={index} count={count} what="Source" />
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
        <TextField type="date" path={`${prefix}.publishedOn`} label="Published on" />
        <TextField type="date" path={`${prefix}.accessedOn`} label="Accessed on" />
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
