// How sources are named where readers see them (pictures, panels, download READMEs): publishers only,
// each once, with the curators' notes kept out. The dataset's publisher and title fields sometimes
// hold an editor's note ("Publisher not named in the stored text", "(descriptive title: …)"): the
// admin shows them as stored; everything public goes through these functions.

/** A publisher field that is an editor's note about a missing publisher, not a name. */
const UNNAMED = /\b(not (named|stated|given|known|recorded)|unnamed|unknown)\b/i;
/** "(descriptive title: the paper's own title is not in the stored text)", "(no title; descriptive)" and the like. */
const TITLE_NOTE = /\s*\([^)]*\b(descriptive|editor'?s? note|curator'?s? note|not in the stored text)\b[^)]*\)/gi;

/** The publisher's name as a reader sees it, or null when the field is a note saying none is named.
 * A trailing qualifier in parentheses ("(ICWA Viewpoint)", "(@MoFA_Afg on X)") is left out, so one
 * publisher is named once. */
export function publisherName(publisher: string | null | undefined): string | null {
  if (!publisher || UNNAMED.test(publisher)) return null;
  const name = publisher.replace(/\s*\([^)]*\)\s*$/, "").trim();
  return name || null;
}

/** A source's title without an editor's note about it. */
export function publicTitle(title: string): string {
  return title.replace(TITLE_NOTE, "").trim();
}

/** A publisher's short form: an acronym it is known by in the data ("Indian Council of World Affairs
 * (ICWA Viewpoint)" gives ICWA), else the initials of a name of three or more words, else the name. */
export function publisherShort(publisher: string, peers: readonly string[] = []): string {
  const name = publisherName(publisher) ?? publisher;
  const initials = name
    .split(/[\s–-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("");
  for (const p of [publisher, ...peers]) {
    if (publisherName(p) !== name) continue;
    const acronym = /\(([A-Z]{2,})\b/.exec(p)?.[1];
    if (acronym) return acronym;
  }
  return name.split(/\s+/).length >= 3 && initials.length >= 3 ? initials : name;
}

export interface LineSource {
  id: string;
  publisher: string;
  /** The source that cites this one (an endnote), when it was found through another source. */
  citedIn?: string | null | undefined;
}

/**
 * The source line's items, in a stable order: the publishers read directly (alphabetical), then for
 * each citing source those found through it ("Al Jazeera, BBC via ICWA"), then how many reports name
 * no publisher. A source found through one of the same publisher counts as read directly.
 */
export function sourceLine(cited: readonly LineSource[], all: readonly LineSource[]): string[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  const peers = all.map((s) => s.publisher);
  const direct = new Set<string>();
  const via = new Map<string, Set<string>>();
  let unnamed = 0;
  for (const s of cited) {
    const name = publisherName(s.publisher);
    if (!name) {
      unnamed++;
      continue;
    }
    const citing = s.citedIn ? byId.get(s.citedIn) : undefined;
    const citingName = citing ? publisherName(citing.publisher) : null;
    if (!citing || !citingName || citingName === name) {
      direct.add(name);
      continue;
    }
    const short = publisherShort(citing.publisher, peers);
    const list = via.get(short) ?? new Set<string>();
    list.add(name);
    via.set(short, list);
  }
  const sorted = (names: Iterable<string>) => [...names].sort((a, b) => a.localeCompare(b, "en"));
  const items = sorted(direct);
  for (const short of sorted(via.keys())) {
    const names = sorted(via.get(short) ?? []).filter((n) => !direct.has(n));
    if (names.length) items.push(`${names.join(", ")} via ${short}`);
  }
  if (unnamed) items.push(`${unnamed} unattributed ${unnamed === 1 ? "report" : "reports"}`);
  return items;
}
