// Who followed whom: every actor's moves on the topic against a reference move (core's sequenceOf; by
// default the first move to the scale's first category), rows in the order they followed, the lag of
// each actor's first fact after it, and the reactions to it. Stances known only from their attestation
// are drawn and listed as "attested", never as moves.
import { formatEdtf, type Lag, parseEdtf, sequenceOf } from "@stancemap/core/model";
import type { LegendEntry } from "../export/frame";
import { renderSequenceSvg, type SequenceExportRow } from "../export/sequence-svg";
import { THEME_COLOURS } from "../export/themes";
import {
  citing,
  counted,
  dateCells,
  dateColumns,
  type ExportData,
  type ExportModel,
  type ExportState,
  fileName,
  frameOf,
  pathOf,
  SOURCE_COLUMNS,
  sourceCells,
} from "./shared";

const MINUS = "\u2212";
const signed = (n: number) => `${n < 0 ? MINUS : "+"}${Math.abs(n).toLocaleString("en")}`;

/** "+2 days", "+0–2 days", "−1,418 to +2 days": a lag at the precision its dates allow. */
export function lagText(lag: Lag): string {
  if (lag.min === lag.max) return `${signed(lag.min)} ${Math.abs(lag.min) === 1 ? "day" : "days"}`;
  if (lag.min >= 0) return `+${lag.min.toLocaleString("en")}–${lag.max.toLocaleString("en")} days`;
  return `${signed(lag.min)} to ${signed(lag.max)} days`;
}

/** `russia@2025-07-03` as an actor and a day. */
export function parseReference(reference: string | null | undefined): { actor: string; date: string } | undefined {
  if (!reference) return undefined;
  const at = reference.indexOf("@");
  return at > 0 ? { actor: reference.slice(0, at), date: reference.slice(at + 1) } : undefined;
}

/** A day far in the future stands for an open end ("2025-07-03/.."): such a date is placed by its start;
 * one far in the past for an open start ("../2025-07-03"): placed by its end. */
const OPEN = "9000-01-01";
const OPEN_START = "0100-01-01";
const placedFirst = (d: { first: string; last: string }) => (d.first < OPEN_START ? d.last : d.first);
const placedLast = (d: { first: string; last: string }) => (d.last >= OPEN ? placedFirst(d) : d.last);

export function sequenceModel(data: ExportData, s: ExportState): ExportModel {
  const topic = data.topic.slug;
  const categories = [...data.topic.categories].sort((a, b) => a.order - b.order);
  const index = new Map(categories.map((c, i) => [c.key, i]));
  const categoryLabel = (key: string | null | undefined) => (key ? (categories.find((c) => c.key === key)?.label ?? key) : "No stance");
  const actors = new Map(data.actors.map((a) => [a.slug, a]));
  const nameOf = (slug: string) => actors.get(slug)?.name ?? slug;
  const wanted = parseReference(s.reference);
  const events = data.events.map((e) => ({ slug: e.slug, date: e.date, actors: e.actors ?? [] }));
  const seq = sequenceOf({
    stances: data.stances,
    topic,
    categories,
    reference: wanted,
    reactions: (data.reactions ?? []).map((r) => ({ ...r })),
    events,
    affiliationOf: (a) => actors.get(a)?.affiliation ?? undefined,
  });
  const invalid =
    wanted && seq.reference?.chosen !== "chosen"
      ? { parameter: "reference", message: `${wanted.actor} has no dated move on "${topic}" that covers ${wanted.date}` }
      : null;
  const ref = seq.reference;
  const refLabel = ref ? `${nameOf(ref.actor)}: ${categoryLabel(ref.category).toLowerCase()}, ${formatEdtf(ref.date)}` : "";
  const stancesOf = new Map<string, ExportData["stances"]>();
  for (const st of data.stances) if (st.topic === topic) stancesOf.set(st.actor, [...(stancesOf.get(st.actor) ?? []), st]);
  const reactionById = new Map((data.reactions ?? []).map((r) => [r.id, r]));
  const linksOf = (actor: string) => seq.links.filter((l) => l.actor === actor);

  const lagOf = (r: (typeof seq.rows)[number]) =>
    r.actor === ref?.actor
      ? "reference"
      : !r.first
        ? linksOf(r.actor)[0]
          ? `reacted ${lagText(lagFrom(ref?.date ?? "", (linksOf(r.actor)[0] as { date: string }).date))}`
          : "nothing after it"
        : `${r.first.kind === "move" ? "moved" : "attested"} ${lagText(ref ? lagFrom(ref.date, r.first.date) : r.first.lag)}`;

  // The axis: from the first fact to the last one (an open end placed by its start), a few days after.
  const days: string[] = [];
  for (const r of seq.rows) {
    for (const m of r.moves) {
      const d = parseEdtf(m.date);
      days.push(placedFirst(d), placedLast(d));
    }
    for (const a of r.attested) days.push(placedFirst(parseEdtf(a.attested)));
  }
  for (const l of seq.links) days.push(placedFirst(parseEdtf(l.date)));
  if (ref) days.push(placedFirst(parseEdtf(ref.date)), placedLast(parseEdtf(ref.date)));
  days.sort();
  const start = days[0] ?? s.date;
  const lastDay = days.at(-1) ?? s.date;
  const end = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);

  const rows: SequenceExportRow[] = seq.rows.map((r) => {
    const own = (stancesOf.get(r.actor) ?? [])
      .filter((st) => st.validFrom)
      .sort((a, b) => (parseEdtf(a.validFrom ?? "").first < parseEdtf(b.validFrom ?? "").first ? -1 : 1));
    return {
      id: r.actor,
      name: nameOf(r.actor),
      isReference: r.actor === ref?.actor,
      segments: own.map((st, i) => {
        const d = parseEdtf(st.validFrom ?? "");
        const next = own[i + 1];
        const until = st.validUntil ? parseEdtf(st.validUntil).first : null;
        const nextStart = next ? parseEdtf(next.validFrom ?? "").first : null;
        const to = [until, nextStart].filter((x): x is string => x !== null).sort()[0] ?? null;
        return { from: placedFirst(d), fromLast: placedLast(d), to, index: index.get(st.category) ?? 0 };
      }),
      attested: r.attested.map((st) => ({ date: placedFirst(parseEdtf(st.attested)), index: index.get(st.category) ?? 0 })),
      reactions: linksOf(r.actor).map((l) => placedFirst(parseEdtf(l.date))),
      lag: lagOf(r),
    };
  });

  const moved = seq.rows.filter((r) => r.actor !== ref?.actor && r.first?.kind === "move").length;
  const attestedAfter = seq.rows.filter((r) => r.actor !== ref?.actor && r.first?.kind === "attested").length;
  const subtitle = ref
    ? `${data.topic.question} Each actor's stance over time against ${refLabel}${ref.chosen === "first-to-top" ? ` (the first move to ${categoryLabel(ref.category).toLowerCase()})` : ""}, in the order they followed: ` +
      `${counted(moved, "actor")} moved after it; ${counted(attestedAfter, "actor")} only attested after it (start not stated, so not moves).`
    : `${data.topic.question} ${seq.reason ?? "No reference."}`;
  const cited = [
    ...seq.rows.flatMap((r) => (stancesOf.get(r.actor) ?? []).map((st) => st.sources)),
    ...seq.links.map((l) => reactionById.get(l.reaction)?.sources ?? []),
  ];
  const base = {
    path: pathOf("sequence", s),
    defaults: { title: `${data.topic.title}: who followed whom`, subtitle },
    ...citing(data, cited),
  };

  type Row = Record<string, string | number | null>;
  const lagCells = (lag: Lag | null) => ({
    lag_days: lag?.days ?? null,
    lag_min: lag?.min ?? null,
    lag_max: lag?.max ?? null,
    lag_label: lag ? lagText(lag) : null,
  });
  const dataRows: Row[] = seq.rows.flatMap((r, order) => {
    const lag = (date: string) => (ref ? lagFrom(ref.date, date) : null);
    const first = r.first;
    const isFirst = (kind: string, date: string) => String(Boolean(first && first.kind === kind && first.date === date));
    const own = stancesOf.get(r.actor) ?? [];
    const common = { order: order + 1, actor: r.actor, name: nameOf(r.actor) };
    return [
      ...r.moves.map((m) => {
        const st = m.to ?? m.from;
        return {
          ...common,
          fact:
            r.actor === ref?.actor && m.date === ref.date && m.to?.id === ref.stance ? "reference" : m.kind === "ended" ? "ended" : "move",
          ...dateCells("date", m.date),
          category: m.to?.category ?? null,
          category_label: m.to ? categoryLabel(m.to.category) : null,
          from_category: m.from?.category ?? null,
          ...lagCells(lag(m.date)),
          first_after_reference: isFirst("move", m.date),
          id: st?.id ?? null,
          ...sourceCells(data, own.find((x) => x.id === st?.id)?.sources ?? []),
        };
      }),
      ...r.attested.map((st) => ({
        ...common,
        fact: "attested",
        ...dateCells("date", st.attested),
        category: st.category,
        category_label: categoryLabel(st.category),
        from_category: null,
        ...lagCells(lag(st.attested)),
        first_after_reference: isFirst("attested", st.attested),
        id: st.id,
        ...sourceCells(data, own.find((x) => x.id === st.id)?.sources ?? []),
      })),
      ...linksOf(r.actor).map((l) => ({
        ...common,
        fact: "reaction",
        ...dateCells("date", l.date),
        category: null,
        category_label: null,
        from_category: null,
        ...lagCells(ref ? lagFrom(ref.date, l.date) : l.lag),
        first_after_reference: "false",
        id: l.reaction,
        ...sourceCells(data, reactionById.get(l.reaction)?.sources ?? []),
      })),
    ];
  });

  return {
    view: "sequence",
    tooLarge: null,
    invalid,
    name: fileName(topic, "sequence", ref ? `after-${ref.actor}-${parseEdtf(ref.date).first}` : s.date),
    ...base,
    columns: [
      { key: "order", description: "The row's place: the reference's actor first, then in the order of each actor's first fact after it." },
      { key: "actor", description: "The actor's slug (its key in the API)." },
      { key: "name", description: "The actor's name." },
      {
        key: "fact",
        description:
          "reference (the reference move), move (a dated change of stance), ended, attested (a stance known only from the date a source attests it: its start is not stated, so it is not a move), or reaction (a reaction to the reference's event).",
      },
      ...dateColumns("date", "When it happened (for attested: the date of the source that attests it)"),
      { key: "category", description: "The category after the move, or of the attested stance." },
      { key: "category_label", description: "The category as the legend names it." },
      { key: "from_category", description: "For a move: the category before it (empty for the actor's first stance)." },
      { key: "lag_days", description: "Days from the reference's first day to this fact's first day (negative: before it)." },
      { key: "lag_min", description: "The fewest days it can be after the reference, given both dates' precision." },
      { key: "lag_max", description: "The most days it can be." },
      { key: "lag_label", description: 'The lag in words ("+2 days", "+0–2 days").' },
      {
        key: "first_after_reference",
        description: "true for the actor's first fact on or after the reference (the one its row is sorted by).",
      },
      { key: "id", description: "The stance's or the reaction's key in the API." },
      ...SOURCE_COLUMNS,
    ],
    rows: dataRows,
    render: (o) => {
      const c = THEME_COLOURS[o.theme];
      const legend: LegendEntry[] = [
        ...categories.map((cat, i) => ({ label: cat.label, colour: cat.colour, index: i })),
        {
          label: "Attested: start not stated, not a move",
          colour: c.background,
          index: -1,
          swatch: { kind: "shape", d: "M-4,0a4,4 0 1,0 8,0a4,4 0 1,0 -8,0", stroke: c.text },
        },
        ...(seq.links.length
          ? [
              {
                label: "Reaction to the reference",
                colour: c.text,
                index: -1,
                swatch: { kind: "shape" as const, d: "M-4,0L3,-3.5L3,3.5Z", stroke: c.text },
              },
            ]
          : []),
      ];
      return renderSequenceSvg({
        reference: ref ? { first: parseEdtf(ref.date).first, last: parseEdtf(ref.date).last, label: `Reference: ${refLabel}` } : null,
        rows,
        start,
        end,
        empty: seq.reason ?? "Nothing to show.",
        legend,
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
      });
    },
  };
}

function lagFrom(reference: string, date: string): Lag {
  const r = parseEdtf(reference);
  const d = parseEdtf(date);
  const day = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  return { days: day(r.first, placedFirst(d)), min: day(r.last, placedFirst(d)), max: day(r.first, placedLast(d)) };
}
