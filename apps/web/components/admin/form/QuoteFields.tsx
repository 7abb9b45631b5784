"use client";
// The quote of one evidence row: its text, who said it, its language and a translation. The speaker
// control is one element here, so it can change on its own.
import { useController, useWatch } from "react-hook-form";
import { Field, FieldError, useFieldError } from "./Field";
import { TextAreaField, TextField } from "./fields";
import { useFormMeta } from "./form-meta";
import { fieldId } from "./paths";
import { QuoteCheck } from "./QuoteCheck";
import { SpeakerField } from "./SpeakerField";
import { speakerValue } from "./speaker-value";

export const LANGUAGES = [
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

/**
 * The quote fields under `path` (`evidence.0.quote`); the language list is `rf-languages`. `sourceId` is the
 * cited source the quote is checked against ("" for a source created in place, which has no stored text yet).
 */
export function QuoteFields({ path, sourceId }: { path: string; sourceId: string }) {
  const [languageValue, text] = useWatch({ name: [`${path}.language`, `${path}.text`] }) as [unknown, unknown];
  const language = String(languageValue ?? "") || undefined;
  const speaker = useController({ name: `${path}.speaker` });
  const { options } = useFormMeta();
  // Problems with the speaker as a whole, its actor link or its title: one line under the box.
  const whole = useFieldError(`${path}.speaker`);
  const actorError = useFieldError(`${path}.speaker.actor`);
  const titleError = useFieldError(`${path}.speaker.title`);
  const speakerError = whole ?? actorError ?? titleError;
  return (
    <div className="rf-quote" id={fieldId(path)}>
      <TextAreaField
        path={`${path}.text`}
        label="Quote, verbatim"
        required
        rows={4}
        lang={language}
        hint="Exactly as in the source, in its language. Right-to-left text shows as written."
      />
      <QuoteCheck sourceId={sourceId} text={typeof text === "string" ? text : ""} />
      <Field
        path={`${path}.speaker.name`}
        label="Speaker"
        required
        hint="As the source names them. Pick an actor from the list to link it, or keep any name as typed."
      >
        {(control) => (
          <SpeakerField
            id={control.id}
            invalid={control["aria-invalid"] || Boolean(speakerError)}
            describedBy={control["aria-describedby"]}
            required
            value={speakerValue(speaker.field.value)}
            onChange={(v) => speaker.field.onChange(v)}
            actors={options.actors}
          />
        )}
      </Field>
      <FieldError id={`${fieldId(`${path}.speaker`)}-error`} message={speakerError} />
      <div className="rf-pair">
        <TextField
          path={`${path}.language`}
          label="Language"
          required
          list="rf-languages"
          hint="A BCP 47 tag: en, ru, zh, prs (Dari), ps (Pashto), ur, ar."
          maxLength={35}
        />
      </div>
      <TextAreaField
        path={`${path}.translation`}
        label="Translation"
        rows={3}
        hint="An English translation, if the quote is in another language."
      />
    </div>
  );
}

export function LanguageList() {
  return (
    <datalist id="rf-languages">
      {LANGUAGES.map(([tag, name]) => (
        <option key={tag} value={tag}>
          {name}
        </option>
      ))}
    </datalist>
  );
}
