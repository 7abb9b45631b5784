"use client";
// The search field's matcher and its options (Search.tsx): loaded when the field is first focused.
import { type ActorMatch, searchActors } from "@stancemap/core/search";
import type { CompactActor } from "@/lib/dashboard-data";

export { searchActors };

const ALIAS_WORDS = { alias: "also known as", former: "formerly", abbreviation: "abbreviated" } as const;

/** Why an option matched when its name does not show it: "also known as “Taliban”". */
function matchedBy(match: ActorMatch): string | null {
  if (match.field === "alias") return `${ALIAS_WORDS[match.kind ?? "alias"]} “${match.text}”`;
  if (match.field === "iso3") return `code ${match.text}`;
  return null;
}

/** The listed matches, as options of the combobox's listbox. */
export function SearchOptions(props: {
  results: readonly { actor: CompactActor; match: ActorMatch }[];
  active: number;
  optionId: (slug: string) => string;
  onChoose: (slug: string) => void;
}) {
  return props.results.map(({ actor: a, match }, i) => {
    const why = matchedBy(match);
    // The local name shown is the one that matched, else the first.
    const local = match.field === "local" ? (a.names.find((n) => n.name === match.text) ?? a.names[0]) : a.names[0];
    return (
      // biome-ignore lint/a11y/useFocusableInteractive: options of a combobox keep focus on the input (aria-activedescendant), which handles the keys.
      <div
        key={a.slug}
        id={props.optionId(a.slug)}
        role="option"
        aria-selected={i === props.active}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => props.onChoose(a.slug)}
        onKeyDown={(e) => e.key === "Enter" && props.onChoose(a.slug)}
      >
        <span className="search-name">{a.name}</span>
        {why ? <span className="search-why"> ({why})</span> : null}
        {local ? (
          <span className="search-local" lang={local.lang} dir={local.dir}>
            {local.name}
          </span>
        ) : null}
      </div>
    );
  });
}
