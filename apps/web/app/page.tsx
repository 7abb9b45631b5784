// The dashboard: map, network and timeline of one topic at one date. Rendered on the server with
// the colours already in the HTML; the client takes over for time travel, zoom and selection. The page
// carries its first screen only (firstScreenOf); every stance comes as the topic's stance index.
import { ExportQuery, formatEdtf } from "@stancemap/core";
import { cachedRead, getDb, RevisionUnavailable } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentHref, RevisionNotice } from "@/components/cite/RevisionNotice";
import { LazyDashboard } from "@/components/dashboard/LazyDashboard";
import { altTextOf } from "@/lib/export/alt-text";
import { exportModel, stateQuery } from "@/lib/export/views";
import { firstScreenOf } from "@/lib/first-screen";
import { checkAgainstData, loadDashboard, todayIso } from "@/lib/server/dashboard";
import { mapLayout } from "@/lib/server/map-geometry";
import { pageOrigin } from "@/lib/server/origins";
import { socialMetadata } from "@/lib/server/social";
import { dashboardParsers } from "@/lib/url-state";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One read per request, shared by the metadata and the page (keyed by the query's text). */
const load = cache(async (query: string) => {
  // `?revision=N` shows the data as published then; a revision that does not exist is not found.
  const loaded = await loadDashboard(Object.fromEntries(new URLSearchParams(query))).catch((e: unknown) => {
    if (e instanceof RevisionUnavailable) notFound();
    throw e;
  });
  const geometry = mapLayout(loaded.data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  // Dates outside the data and categories the topic lacks: notices like any malformed value.
  const checked = checkAgainstData(Object.fromEntries(new URLSearchParams(query)), loaded.data, loaded.state);
  return { ...loaded, state: checked.state, notices: [...loaded.notices, ...checked.notices], geometry };
});

const queryOf = (raw: Awaited<Props["searchParams"]>) =>
  new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) ? [[k, v[0] ?? ""]] : [])),
  ).toString();

/**
 * What the page derives from the data for one address (the first screen, the social card's words): the
 * same for every visitor of one revision on one day, so worked out once and kept in the read cache
 * (`cachedRead`, keyed by the revision this request read). Without it every reader of a 5,000-actor
 * dataset recomputed the map over every stance, and 200 readers queued behind each other for seconds.
 */
function derived<T>(revision: number, what: string, query: string, make: () => Promise<T> | T): Promise<T> {
  return cachedRead(getDb(), revision, `page:/\u0000${what}\u0000${todayIso()}\u0000${query}`, async () => make(), sizeOf);
}
const sizeOf = (value: unknown) => (JSON.stringify(value)?.length ?? 0) * 3;

/** The social card: the view shown (the network, or else the map) in the link's state. */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const raw = await searchParams;
  const query = queryOf(raw);
  const loaded = await load(query);
  // The card's words are shared; its links take this request's origin (never another request's host).
  const card = await derived(loaded.data.revision, "card", query, () => cardOf(raw, loaded));
  return {
    title: "Who stands where on the Taliban government",
    ...(await socialMetadata({ ...card, path: `/?${query}`.replace(/\?$/, ""), alt: card.description })),
  };
}

/** The social card's view, export query, title and description for the link's state. */
function cardOf(raw: Awaited<Props["searchParams"]>, { data, state, geometry }: Awaited<ReturnType<typeof load>>) {
  // The network's picture when it can be drawn (a network too large for a picture gets the map's card).
  let view: "map" | "network" = state.view === "network" ? "network" : "map";
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const list = (k: string) => one(k)?.split(",").filter(Boolean) ?? [];
  const s = {
    topic: data.topic.slug,
    date: state.date,
    region: one("region"),
    kind: list("kind"),
    cat: list("cat"),
    sent: list("sent"),
    nkind: list("nkind"),
  };
  let model = exportModel(view, data, s, geometry);
  if (model.tooLarge) {
    view = "map";
    model = exportModel(view, data, s, geometry);
  }
  // A filter the export API refuses (an unknown kind, say) is left out, as the dashboard ignores it.
  const filtered = stateQuery(view, s);
  const unpinned = ExportQuery.safeParse(filtered).success ? filtered : stateQuery(view, { topic: s.topic, date: s.date });
  // A page pinned to a revision shares the picture of that revision.
  const query = data.shown?.pinned ? { ...unpinned, revision: String(data.shown.revision) } : unpinned;
  const description = altTextOf(model, data, s);
  const title = `${data.topic.title}: ${view === "network" ? "who reacted to whom" : "the map"}, as of ${formatEdtf(state.date)}`;
  return { title, description, view, query };
}

export default async function DashboardPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { data, state, notices, geometry } = await load(queryOf(raw));
  // Defaults, not the URL's values: nuqs drops a parameter equal to its default from the address,
  // so the default date must be today's, or a link to the date it was opened on would lose it.
  const defaults = { topic: data.topics[0]?.slug ?? state.topic, date: todayIso(), view: "map" as const };
  // The filters as the client's URL state reads them, so the first screen is the one it would draw.
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : Array.isArray(raw[k]) ? (raw[k][0] ?? "") : undefined);
  const region = one("region") ? dashboardParsers.region.parseServerSide(one("region")) : null;
  const kind = one("kind") ? (dashboardParsers.kind.parseServerSide(one("kind")) ?? []) : [];
  const { firstScreen, actors } = await derived(data.revision, "first-screen", queryOf(raw), () =>
    firstScreenOf(data, { date: state.date, region, kind, selected: state.actor }),
  );
  return (
    <>
      <RevisionNotice shown={data.shown} currentHref={currentHref("/", raw)} />
      {/* The dashboard hydrates as its own chunk, after the page's shell (LazyDashboard). */}
      <LazyDashboard
        data={{ ...data, actors, stances: [], gaps: [] }}
        firstScreen={firstScreen}
        geometry={geometry}
        defaults={defaults}
        notices={notices}
        exportOrigin={await pageOrigin()}
      />
    </>
  );
}
