// The direction a language is written in, from its BCP 47 tag: the script the tag names or implies
// (CLDR's likely subtags, through Intl.Locale#maximize), so Dari (`prs`), Pashto, Arabic, Urdu and
// Hebrew read right to left wherever a quote or a local name is shown. Undefined when the tag is not
// understood: callers then fall back to `dir="auto"` (the text's own first strong character).

const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi"]);

export function directionOfLanguage(tag: string | null | undefined): "ltr" | "rtl" | undefined {
  if (!tag) return undefined;
  try {
    const script = new Intl.Locale(tag).maximize().script;
    if (!script) return undefined;
    return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  } catch {
    return undefined;
  }
}

/** The `dir` attribute for text in `tag`: its language's direction, else "auto". */
export function dirAttribute(tag: string | null | undefined): "ltr" | "rtl" | "auto" {
  return directionOfLanguage(tag) ?? "auto";
}
