"use client";
// The quote of one evidence row: its text, who said it, its language and a translation. The speaker
// control is one element here, so it can change on its own.
import { useWatch } from "react-hook-form";
import { TextAreaField, TextField } from "./fields";
import { fieldId } from "./paths";
import { RefPicker } from "./pickers";
import { QuoteCheck } from "./QuoteCheck";

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
      <RefPicker path={`${path}.speaker`} list="actors" label="Speaker" required hint="The actor who said it." />
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
