// The dashboard: map, network and timeline of one topic at one date. Rendered on the server with
// the colours already in the HTML; the client takes over for time travel, zoom and selection. The page
// carries its first screen only (lib/server/first-screen.ts, from the topic's frame); every stance comes as
// the topic's stance index.
import { reactionScene, type SettledLayout, SVG_MAX_EDGES, settledLayout } from "@stancemap/charts";
import type { MapLayout } from "@stancemap/charts/world";
import { ExportQuery, formatEdtf } from "@stancemap/core";
import { cachedRead, type Db, getDb, RevisionUnavailable } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentHref, RevisionNotice } from "@/components/cite/RevisionNotice";
import { LazyDashboard } from "@/components/dashboard/LazyDashboard";
import type { CompactActor, DashboardData } from "@/lib/dashboard-data";
import { altTextOf } from "@/lib/export/alt-text";
import { exportModel, stateQuery } from "@/lib/export/views";
import { actorsNamedBy, type MapFilters, visibleActors } from "@/lib/first-screen";
import { checkAgainstData, type DashboardState, loadDashboardPage, todayIso } from "@/lib/server/dashboard";
import { cardVisible, type FrameMap, firstScreenFrom, frameMapAt, mapCardText } from "@/lib/server/first-screen";
import { mapLayout } from "@/lib/server/map-geometry";
import { pageOrigin } from "@/lib/server/origins";
import { socialMetadata } from "@/lib/server/social";
import { dashboardParsers } from "@/lib/url-state";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const queryOf = (raw: Awaited<Props["searchParams"]>) =>
  new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) ? [[k, v[0] ?? ""]] : [])),
  ).toString();

/**
 * What the page derives from the data for one address (the first screen, the social card's words): the
 * same for every visitor of one revision on one day, so worked out once and kept in the read cache
 * (`cachedRead`, keyed by the revision this request read). A miss (another date, say) costs a lookup per
 * actor in the topic's frame (lib/server/first-screen.ts), not a pass over every stance.
 */
function derived<T>(revision: number, what: string, query: string, make: () => Promise<T> | T): Promise<T> {
  return cachedRead(getDb(), revision, `page:/\u0000${what}\u0000${todayIso()}\u0000${query}`, async () => make(), sizeOf);
}
const sizeOf = (value: unknown) => (JSON.stringify(value)?.length ?? 0) * 3;

/** One read per request, shared by the metadata and the page (keyed by the query's text). */
const load = cache(async (query: string) => {
  const raw = Object.fromEntries(new URLSearchParams(query));
  // `?revision=N` shows the data as published then; a revision that does not exist is not found.
  return loadDashboardPage(raw, async (db, loaded) => {
    const { data, frame } = loaded;
    const geometry = mapLayout(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
    // Dates outside the data and categories the topic lacks: notices like any malformed value.
    const checked = checkAgainstData(raw, { topic: data.topic, bounds: frame.bounds }, loaded.state);
    const state = checked.state;
    // The map over the frame, once per request and filter (the first screen and the card ask for the same one;
    // both filter actors alike, `!region || a.region === region` and kinds, so equal values mean equal actors).
    const maps = new Map<string, FrameMap>();
    const mapOf = (actors: CompactActor[], key: string) => {
      let map = maps.get(key);
      if (!map) {
        map = frameMapAt(data, frame, actors, state.date);
        maps.set(key, map);
      }
      return map;
    };
    const filters = filtersOf(raw);
    const screen = await derived(data.revision, "first-screen", query, () => {
      const visible = visibleActors(data.actors, filters);
      return firstScreenFrom(db, data, mapOf(visible, `${filters.region ?? ""}\u0000${filters.kind.join(",")}`), {
        date: state.date,
        ...filters,
        selected: state.actor,
      });
    });
    // The card's words are shared; its links take this request's origin (never another request's host).
    const card = await derived(data.revision, "card", query, () => cardOf(raw, db, { data, state, geometry }, mapOf));
    // Keyed by what the scene depends on (date and filters, as sets), not the whole address: junk
    // parameters or another order do not lay it out again.
    const scope = networkScope(raw);
    const networkLayout =
      state.view === "network"
        ? await derived(data.revision, "network-layout", `${state.date}\u0000${scope.sent.join(",")}\u0000${scope.nkind.join(",")}`, () =>
            networkLayoutOf(data, state.date, scope),
          )
        : null;
    return { data, state, notices: [...loaded.notices, ...checked.notices], geometry, screen, card, networkLayout };
  }).catch((e: unknown) => {
    if (e instanceof RevisionUnavailable) notFound();
    throw e;
  });
});

/**
 * The settled layout of a small network drawn from the page's own reactions (all of them, none left out),
 * as the dashboard's view would settle it (charts' `reactionScene` over the actors they name, with the
 * URL's filters): the view shows it at once instead of laying it out in the browser.
 */
function networkLayoutOf(data: DashboardData, date: string, scope: { sent: string[]; nkind: string[] }): SettledLayout | null {
  if (!data.reactions || data.reactions.length > SVG_MAX_EDGES || data.reactionsTruncated) return null;
  const scene = reactionScene({
    actors: actorsNamedBy(data.actors, data.reactions),
    events: data.events,
    reactions: data.reactions,
    date,
    sentiments: scope.sent,
    kinds: scope.nkind,
  });
  return scene.renderer === "svg" ? settledLayout(scene) : null;
}

/** The network's filters as the client's URL state reads them, as sorted sets. */
function networkScope(raw: Record<string, string>): { sent: string[]; nkind: string[] } {
  const set = (list: readonly string[] | null | undefined) => [...new Set(list ?? [])].sort();
  return {
    sent: set(raw.sent ? dashboardParsers.sent.parseServerSide(raw.sent) : []),
    nkind: set(raw.nkind ? dashboardParsers.nkind.parseServerSide(raw.nkind) : []),
  };
}

/** The filters as the client's URL state reads them, so the first screen is the one it would draw. */
function filtersOf(raw: Record<string, string>): MapFilters {
  const region = raw.region ? dashboardParsers.region.parseServerSide(raw.region) : null;
  const kind = raw.kind ? (dashboardParsers.kind.parseServerSide(raw.kind) ?? []) : [];
  return { region, kind };
}

/** The social card: the view shown (the network, or else the map) in the link's state. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = queryOf(await searchParams);
  const { card } = await load(query);
  return {
    title: "Who stands where on the Taliban government",
    ...(await socialMetadata({ ...card, path: `/?${query}`.replace(/\?$/, ""), alt: card.description })),
  };
}

/** The social card's view, export query, title and description for the link's state. */
async function cardOf(
  raw: Record<string, string>,
  db: Db,
  { data, state, geometry }: { data: DashboardData; state: DashboardState; geometry: MapLayout },
  mapOf: (actors: CompactActor[], key: string) => FrameMap,
) {
  // The network's picture when it can be drawn (a network too large for a picture gets the map's card).
  let view: "map" | "network" = state.view === "network" ? "network" : "map";
  const list = (k: string) => raw[k]?.split(",").filter(Boolean) ?? [];
  const s = {
    topic: data.topic.slug,
    date: state.date,
    region: raw.region,
    kind: list("kind"),
    cat: list("cat"),
    sent: list("sent"),
    nkind: list("nkind"),
  };
  let description: string | null = null;
  if (view === "network") {
    // The network's model reads reactions, not stances.
    const model = exportModel(view, data, s, geometry);
    if (model.tooLarge) view = "map";
    else description = altTextOf(model, data, s);
  }
  // The map export's alt text, from the map over the frame (the export's filter: raw region and kinds).
  // Keyed by the filter's values: the same filter as the first screen's (unfiltered, usually) shares its map.
  description ??= await mapCardText(db, data, mapOf(cardVisible(data.actors, s), `${s.region ?? ""}\u0000${s.kind.join(",")}`), s);
  // A filter the export API refuses (an unknown kind, say) is left out, as the dashboard ignores it.
  const filtered = stateQuery(view, s);
  const unpinned = ExportQuery.safeParse(filtered).success ? filtered : stateQuery(view, { topic: s.topic, date: s.date });
  // A page pinned to a revision shares the picture of that revision.
  const query = data.shown?.pinned ? { ...unpinned, revision: String(data.shown.revision) } : unpinned;
  const title = `${data.topic.title}: ${view === "network" ? "who reacted to whom" : "the map"}, as of ${formatEdtf(state.date)}`;
  return { title, description, view, query };
}

/**
 * The network's reactions ride in the page only when the SVG path draws them (at most SVG_MAX_EDGES, with
 * focusable nodes in the server's HTML); a larger network asks for them once the view is there (the
 * dashboard's loadReactionEdges), so `/?view=network` of 100,000 reactions is not megabytes of HTML.
 */
function reactionsInline(data: DashboardData): Partial<DashboardData> {
  if (data.reactions === null || data.reactions.length <= SVG_MAX_EDGES) return {};
  return { reactions: null, reactionsTotal: null, reactionsTruncated: false };
}

export default async function DashboardPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { data, notices, geometry, screen, networkLayout } = await load(queryOf(raw));
  // Defaults, not the URL's values: nuqs drops a parameter equal to its default from the address,
  // so the default date must be today's, or a link to the date it was opened on would lose it.
  const defaults = { topic: data.topics[0]?.slug ?? data.topic.slug, date: todayIso(), view: "map" as const };
  const { firstScreen, actors } = screen;
  const inline = reactionsInline(data);
  // A network drawn from the page's own reactions (all of them: none left out) needs the actors they name,
  // not the stance index.
  const networkActors =
    data.reactions && inline.reactions === undefined && !data.reactionsTruncated ? actorsNamedBy(data.actors, data.reactions) : undefined;
  return (
    <>
      <RevisionNotice shown={data.shown} currentHref={currentHref("/", raw)} />
      {/* The dashboard hydrates as its own chunk, after the page's shell (LazyDashboard). */}
      <LazyDashboard
        data={{ ...data, actors, stances: [], gaps: [], ...inline }}
        firstScreen={firstScreen}
        networkActors={networkActors}
        networkLayout={networkActors ? networkLayout : null}
        geometry={geometry}
        defaults={defaults}
        notices={notices}
        exportOrigin={await pageOrigin()}
      />
    </>
  );
}
