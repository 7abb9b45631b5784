// Alt text: one or two sentences saying what a picture shows, for the SVG's <desc>, the PDF's metadata,
// an embed's accessible name and the export dialog's "Copy alt text". Pure, from the rows a view model
// draws; dates in core's words (formatEdtf).
import { formatEdtf } from "@stancemap/core/model";
import { escapeXml } from "./export/svg";

/** Names listed per group before "and N others": enough to read, short enough to listen to. */
const LISTED = 6;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The first names of `total` (all of them when not given). */
function listed(names: readonly string[], total = names.length): string {
  if (total <= LISTED) return joinAnd(names);
  return `${names.slice(0, LISTED).join(", ")} and ${plural(total - LISTED, "other")}`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const lower = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label);

export interface MapAltInput {
  /** The topic's title: "Posture toward the Taliban government". */
  topic: string;
  /** The day shown, ISO. */
  date: string;
  /** The categories in scale order, each with the actors in it (empty ones are left out of the text): their
   * names, or the first names and how many there are in all (`total`). */
  groups: readonly { label: string; actors: readonly string[]; total?: number }[];
  /** Actors shown with no data. */
  noData: number;
  /** Stances inside their start's uncertainty at the date. */
  uncertain: number;
  /** Stances whose start the sources do not state (counted from their attestation). */
  attested: number;
  /** A filter's words ("region South Asia"), when one applies. */
  filter?: string | undefined;
}

/** "As of 3 July 2025, posture toward the Taliban government: formal recognition, 1 actor: Russia; …". */
export function mapAltText(m: MapAltInput): string {
  const groups = m.groups.filter((g) => (g.total ?? g.actors.length) > 0);
  const parts = groups.map((g) => {
    const total = g.total ?? g.actors.length;
    return `${lower(g.label)}, ${plural(total, "actor")}: ${listed(g.actors, total)}`;
  });
  if (m.noData > 0) parts.push(`no data for ${plural(m.noData, "actor")}`);
  const head = `As of ${formatEdtf(m.date)}, ${lower(m.topic)}${m.filter ? ` (${m.filter})` : ""}: `;
  const body = parts.length ? parts.join("; ") : "no actors shown";
  return `${head}${body}.${cueSentence(m.uncertain, m.attested)}`;
}

/** A map's row as its alt text reads it: the data table's name and category ("no-data" for none), and
 * whether the stance is uncertain at the date ("true") and how it is counted ("attested"). */
export interface MapAltRow {
  name: string;
  category: string;
  uncertain: string | null;
  basis: string | null;
}

/** The map's alt text input from its rows (one per actor shown, in name order): per category in scale
 * order, the names the text lists and how many there are. Its size does not grow with the rows. */
export function mapAltInput(
  topic: { title: string; categories: readonly { key: string; label: string; order: number }[] },
  s: { date: string; region?: string | null | undefined },
  rows: Iterable<MapAltRow>,
): MapAltInput {
  const byCategory = new Map<string, string[]>();
  const totals = new Map<string, number>();
  let shown = 0;
  let stances = 0;
  let uncertain = 0;
  let attested = 0;
  for (const r of rows) {
    shown++;
    if (r.category === "no-data") continue;
    stances++;
    if (r.uncertain === "true") uncertain++;
    if (r.basis === "attested") attested++;
    totals.set(r.category, (totals.get(r.category) ?? 0) + 1);
    const names = byCategory.get(r.category) ?? [];
    if (names.length < LISTED) names.push(r.name);
    byCategory.set(r.category, names);
  }
  const categories = [...topic.categories].sort((a, b) => a.order - b.order);
  return {
    topic: topic.title,
    date: s.date,
    groups: categories.map((c) => ({ label: c.label, actors: byCategory.get(c.key) ?? [], total: totals.get(c.key) ?? 0 })),
    noData: shown - stances,
    uncertain,
    attested,
    filter: s.region ? `region ${s.region}` : "",
  };
}

function cueSentence(uncertain: number, attested: number): string {
  const cues: string[] = [];
  if (uncertain > 0) cues.push(`${plural(uncertain, "stance")} uncertain at this date`);
  if (attested > 0) cues.push(`${plural(attested, "stance")} with no stated start, counted from the first report`);
  return cues.length ? ` ${cues[0]?.[0]?.toUpperCase()}${joinAnd(cues).slice(1)}.` : "";
}

export interface NetworkAltInput {
  date: string;
  /** Every reaction drawn: who reacted, to whom or what, and its sentiment's label. */
  reactions: readonly { actor: string; target: string; sentiment: string }[];
  /** Sentiment labels in legend order. */
  sentiments: readonly string[];
}

/** "Up to 10 July 2025, 14 actors reacted 20 times: 8 supportive, …; most reactions went to …". */
export function networkAltText(n: NetworkAltInput): string {
  if (n.reactions.length === 0) return `No reactions up to ${formatEdtf(n.date)}.`;
  const actors = new Set(n.reactions.map((r) => r.actor));
  const counts = n.sentiments.flatMap((s) => {
    const count = n.reactions.filter((r) => r.sentiment === s).length;
    return count ? [`${count} ${s.toLowerCase()}`] : [];
  });
  const targets = new Map<string, number>();
  for (const r of n.reactions) targets.set(r.target, (targets.get(r.target) ?? 0) + 1);
  const top = [...targets]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en"))
    .slice(0, 3)
    .map(([name, count]) => `${name} (${count})`);
  return `Up to ${formatEdtf(n.date)}, ${plural(actors.size, "actor")} reacted ${plural(n.reactions.length, "time")}: ${joinAnd(counts)}. Most reacted to: ${joinAnd(top)}.`;
}

export interface TimelineAltInput {
  topic: string;
  from: string;
  to: string;
  /** Marks in time order. */
  events: readonly { date: string; label: string }[];
  changes: readonly { date: string; label: string }[];
  /** Whose stance changes only, when the timeline is cut to one actor. */
  actor?: string | undefined;
}

/** "From 15 August 2021 to 10 July 2025, 11 events and 25 stance changes on …; the latest: …". */
export function timelineAltText(t: TimelineAltInput): string {
  const who = t.actor ? ` of ${t.actor}` : "";
  const head = `From ${formatEdtf(t.from)} to ${formatEdtf(t.to)}, ${plural(t.events.length, "event")} and ${plural(t.changes.length, "stance change")}${who} on ${lower(t.topic)}.`;
  const latest = (what: string, m: { date: string; label: string } | undefined) =>
    m ? ` The latest ${what}: ${formatEdtf(m.date)}, ${m.label.replace(/\.$/, "")}.` : "";
  return `${head}${latest("event", t.events[t.events.length - 1])}${latest("stance change", t.changes[t.changes.length - 1])}`;
}

export interface ActorAltInput {
  actor: string;
  topic: string;
  date: string;
  /** Stances in time order: the category's label, the stated start (EDTF) or null, and when first reported. */
  steps: readonly { label: string; validFrom: string | null; attested: string }[];
}

/** "Russia's posture toward the Taliban government to 10 July 2025: diplomatic engagement … from …; …". */
export function actorAltText(a: ActorAltInput): string {
  const head = `${a.actor}, ${lower(a.topic)}, to ${formatEdtf(a.date)}: `;
  if (a.steps.length === 0) return `${head}no stance recorded.`;
  const steps = a.steps.map((s) =>
    s.validFrom
      ? `${lower(s.label)} from ${formatEdtf(s.validFrom)}`
      : `${lower(s.label)}, reported by ${formatEdtf(s.attested)} (start not stated)`,
  );
  return `${head}${steps.join("; then ")}.`;
}

/** The SVG with its alt text first in its <desc> (which then goes on with the legend and sources), so the
 * picture's accessible description and any tool reading <desc> start with what it shows. */
export function withAltText(svg: string, alt: string): string {
  const open = '<desc id="export-desc">';
  const at = svg.indexOf(open);
  if (at < 0 || !alt) return svg;
  const end = at + open.length;
  return `${svg.slice(0, end)}${escapeXml(alt)} ${svg.slice(end)}`;
}

export interface ChangeAltInput {
  topic: string;
  from: string;
  to: string;
  /** The changes (and possible changes), in the list's order. */
  changes: readonly { name: string; movement: string; label: string; before: string | null; after: string | null }[];
  /** Actors whose stance on `to` is known only from its attestation (start not stated): not changes. */
  attestedOnly: number;
  unchanged: number;
}

/** "Between 1 April 2025 and 3 July 2025, posture toward …: Russia moved toward formal recognition (from … to …). 8 actors …". */
export function changeAltText(c: ChangeAltInput): string {
  const head = `Between ${formatEdtf(c.from)} and ${formatEdtf(c.to)}, ${lower(c.topic)}: `;
  const moves = c.changes.map((m) =>
    m.movement === "uncertain"
      ? `${m.name} may have changed (the sources do not date it precisely enough)`
      : `${m.name}: ${lower(m.label)}${m.before || m.after ? ` (from ${lower(m.before ?? "no stance")} to ${lower(m.after ?? "no stance")})` : ""}`,
  );
  const body = moves.length ? `${listed(moves)}.` : "no stance changed.";
  const rest: string[] = [];
  if (c.attestedOnly > 0) rest.push(`${plural(c.attestedOnly, "actor")} only attested (start not stated), so not changes`);
  if (c.unchanged > 0) rest.push(`${plural(c.unchanged, "actor")} unchanged`);
  return `${head}${body}${rest.length ? ` ${rest[0]?.[0]?.toUpperCase()}${joinAnd(rest).slice(1)}.` : ""}`;
}

export interface SequenceAltInput {
  topic: string;
  /** "Russia: formal recognition, 3 July 2025", or null when there is no reference. */
  reference: string | null;
  /** Each row's first fact after the reference, in the rows' order. */
  after: readonly { name: string; kind: "move" | "attested"; lag: string }[];
}

/** "Who followed whom on …, after Russia: formal recognition, 3 July 2025: 1 actor moved (…); 9 only attested (start not stated): …". */
export function sequenceAltText(s: SequenceAltInput): string {
  if (!s.reference) return `Who followed whom on ${lower(s.topic)}: no stance has a stated start, so there is no reference move.`;
  const moved = s.after.filter((a) => a.kind === "move").map((a) => `${a.name} (${a.lag})`);
  const attested = s.after.filter((a) => a.kind === "attested").map((a) => `${a.name} (${a.lag})`);
  const parts = [
    moved.length ? `${plural(moved.length, "actor")} moved after it: ${listed(moved)}` : "no actor moved after it",
    ...(attested.length
      ? [`${plural(attested.length, "actor")} only attested after it (start not stated, not moves): ${listed(attested)}`]
      : []),
  ];
  return `Who followed whom on ${lower(s.topic)}, against ${s.reference}: ${parts.join("; ")}.`;
}
