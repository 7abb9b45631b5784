// The dashboard's first screen and its social card's words from the topic's frame (packages/db's
// selectTopicFrame: every stance's dates and category, read once per revision), so a request costs a
// lookup per actor and reads no stance. The same answers as firstScreenOf and the map export's alt text
// over the whole data (first-screen.test.ts compares them).
import "server-only";
import { StanceIndex, type TopicMap, topicMapAt } from "@stancemap/core/model";
import { type CompactStance, cachedRead, type Db, selectStanceTimelineOf, type TopicFrame } from "@stancemap/db";
import type { CompactActor, DashboardData } from "@/lib/dashboard-data";
import { altTextOf } from "@/lib/export/alt-text";
import type { ExportState } from "@/lib/export/views";
import { BADGES_SHOWN, type FirstScreen, kindsOf, type MapFilters, mapAt, regionsOf, screenOf, visibleActors } from "@/lib/first-screen";

/** Names in English order, with one collator (a `localeCompare` with a locale builds one per call). */
const byName = new Intl.Collator("en").compare;

type Frame = Pick<TopicFrame, "index" | "topic">;
type MapData = Pick<DashboardData, "topic" | "gaps" | "revision">;
export type FrameMap = TopicMap<CompactActor, TopicFrame["index"] extends StanceIndex<infer S> ? S : never>;

/** The topic's map at `date` over `actors`: categories, cues and each no-data's reason, from the frame. */
export function frameMapAt(data: MapData, frame: Frame, actors: readonly CompactActor[], date: string): FrameMap {
  return topicMapAt({
    topic: data.topic.slug,
    categories: data.topic.categories,
    actors,
    stances: frame.index,
    gaps: data.gaps.map((g) => ({ ...g, topic: data.topic.slug })),
    qualifiers: data.topic.qualifiers,
    date,
  });
}

/** What the first screen carries whatever the date: the actors drawn, the badges' counts, the lists of kinds and
 * regions, and the whole stances (quote, publisher, sources) of the actors drawn, for their tooltips. */
interface Layout {
  carried: CompactActor[];
  totals: Record<string, number>;
  kinds: string[];
  regions: string[];
  /** The stances of the actors drawn that the filters leave, indexed: the cells' stances. */
  index: StanceIndex<CompactStance>;
  drawn: CompactActor[];
  stances: number;
}

function layoutOf(actors: readonly CompactActor[], visible: readonly CompactActor[], selected: string | null) {
  const shown = new Set(visible);
  const totals: Record<string, number> = {};
  const carried: CompactActor[] = [];
  for (const a of actors) {
    if (a.isoNumeric || a.slug === selected) {
      carried.push(a);
      continue;
    }
    if (!shown.has(a)) continue;
    const n = totals[a.kind] ?? 0;
    totals[a.kind] = n + 1;
    if (n < BADGES_SHOWN) carried.push(a);
  }
  return { carried, totals, drawn: carried.filter((a) => shown.has(a)) };
}

/** The layout for these filters at the revision `data` was read at: the same for every date, so kept (read-cache.ts). */
function layout(db: Db, data: MapData & Pick<DashboardData, "actors">, at: MapFilters & { selected: string | null }): Promise<Layout> {
  const key = `page:/\u0000layout\u0000${data.topic.slug}\u0000${at.region ?? ""}\u0000${at.kind.join(",")}\u0000${at.selected ?? ""}`;
  return cachedRead(
    db,
    data.revision,
    key,
    async () => {
      const { carried, totals, drawn } = layoutOf(data.actors, visibleActors(data.actors, at), at.selected);
      const stances = await selectStanceTimelineOf(
        db,
        data.topic.slug,
        drawn.map((a) => a.slug),
      );
      return {
        carried,
        totals,
        drawn,
        kinds: kindsOf(data.actors),
        regions: regionsOf(data.actors),
        index: new StanceIndex(stances, data.topic.slug),
        stances: stances.length,
      };
    },
    // About three times the JSON: an actor's row, and a stance with its quote and sources.
    (l) => 600 * l.carried.length + 1200 * l.stances,
  );
}

/**
 * The first screen at `at.date`: the legend's counts over every actor the filters leave (from `map`, that map
 * over the frame), and the cells of the actors carried, each with its whole stance for the tooltip.
 */
export async function firstScreenFrom(
  db: Db,
  data: MapData & Pick<DashboardData, "actors">,
  map: FrameMap,
  at: { date: string; selected: string | null } & MapFilters,
): Promise<{ firstScreen: FirstScreen; actors: CompactActor[] }> {
  const l = await layout(db, data, at);
  const { byActor } = mapAt(data, l.index, l.drawn, at.date);
  let stale = 0;
  for (const e of map.entries) if (e.status === "stance" && e.ageDays > 365) stale++;
  return screenOf(at, l.carried, byActor, map, { stale, totals: l.totals, kinds: l.kinds, regions: l.regions });
}

/** The map export's filter: region and kinds as the export reads them (charts' mapModel). */
export function cardVisible(actors: readonly CompactActor[], s: Pick<ExportState, "region" | "kind">): CompactActor[] {
  const kinds = s.kind ?? [];
  return actors.filter((a) => (!s.region || a.region === s.region) && (kinds.length === 0 || kinds.includes(a.kind)));
}

/** Every actor's place in the map export's rows (by name, as charts' mapModel sorts them), per revision. */
function nameOrder(db: Db, data: Pick<DashboardData, "actors" | "revision">): Promise<Map<string, number>> {
  return cachedRead(
    db,
    data.revision,
    "page:/\u0000name-order",
    async () => new Map([...data.actors].sort((a, b) => byName(a.name, b.name)).map((a, i) => [a.slug, i])),
    (m) => m.size * 80,
  );
}

/** The map's alt text, as the map export says it (`altTextOf` over its rows), from `map` over the frame. */
export async function mapCardText(db: Db, data: MapData & Pick<DashboardData, "actors">, map: FrameMap, s: ExportState): Promise<string> {
  const order = await nameOrder(db, data);
  const rank = (slug: string) => order.get(slug) ?? Number.MAX_SAFE_INTEGER;
  const rows = [...map.entries]
    .sort((a, b) => rank(a.actor.slug) - rank(b.actor.slug))
    .map((e) => ({
      name: e.actor.name,
      category: e.status === "stance" ? e.category.key : "no-data",
      uncertain: e.status === "stance" ? String(e.uncertain) : null,
      basis: e.status === "stance" ? e.basis : null,
    }));
  return altTextOf({ view: "map", rows }, data, s);
}
