// Loads and validates everything the dashboard's first paint needs, on the server.
import "server-only";
import { publicTitle } from "@stancemap/charts";
import { formatEdtf, type Topic } from "@stancemap/core";
import {
  cachedRead,
  countReactionEdges,
  type Db,
  getDb,
  listTopics,
  type Principal,
  readRevision,
  revisionInfo,
  type StanceBounds,
  selectCitedSourceIds,
  selectCompactActors,
  selectCompactEvents,
  selectGapsBySlug,
  selectReactionEdges,
  selectStanceTimeline,
  selectTopicFrame,
  sharedRead,
  sharedTopics,
  sourcesCitedBy,
  stanceBounds,
  type TopicFrame,
  withOpenDrafts,
  withPublishedAt,
} from "@stancemap/db";
import type { CompactGap, CompactSource, DashboardData, Notice, RevisionShown } from "@/lib/dashboard-data";
import { env } from "@/lib/server/env";
import { isIsoDate, parseRef, VIEWS, type View } from "@/lib/url-state";

/** The most reactions the network is sent: the newest in its scope (packages/db's selectReactionEdges).
 * 20,000 unless STANCEMAP_NETWORK_MAX_REACTIONS says otherwise (the e2e spec of a capped network lowers it). */
export const MAX_NETWORK_REACTIONS = env.STANCEMAP_NETWORK_MAX_REACTIONS;

export interface DashboardState {
  topic: string;
  date: string;
  view: View;
  actor: string | null;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads the page's search params; every malformed or unknown value becomes a notice and its default. */
export function readState(raw: Raw, topics: readonly string[], actors: ReadonlySet<string>): { state: DashboardState; notices: Notice[] } {
  const notices: Notice[] = [];
  const take = <T>(key: string, ok: (v: string) => T | null, fallback: T, why: string): T => {
    const value = first(raw[key]);
    if (value === undefined || value === "") return fallback;
    const parsed = ok(value);
    if (parsed === null) {
      notices.push({ parameter: key, value, message: why });
      return fallback;
    }
    return parsed;
  };
  const today = todayIso();
  const topic = take("topic", (v) => (topics.includes(v) ? v : null), topics[0] ?? "", `no such topic; showing “${topics[0]}”`);
  const date = take("date", (v) => (isIsoDate(v) ? v : null), today, `not a date (YYYY-MM-DD); showing ${today}`);
  const view = take(
    "view",
    (v) => ((VIEWS as readonly string[]).includes(v) ? (v as View) : null),
    "map" as View,
    "no such view; showing the map",
  );
  const actor = take<string | null>("actor", (v) => (actors.has(v) ? v : null), null, "no such actor; nothing selected");
  // The change view's earlier date: a later one than `date` is taken as the two dates in the wrong order.
  const from = take<string | null>("from", (v) => (isIsoDate(v) ? v : null), null, "not a date (YYYY-MM-DD); showing the default start");
  if (from && view === "change" && from > date) {
    notices.push({
      parameter: "from",
      value: from,
      message: `is after the date (${date}); the two dates were swapped`,
      fix: { from: date, date: from },
    });
  }
  take<string | null>(
    "ref",
    (v) => {
      const ref = parseRef(v);
      return ref && actors.has(ref.actor) ? v : null;
    },
    null,
    "not a move of an actor in the dataset (actor@YYYY-MM-DD); showing the default reference",
  );
  return { state: { topic, date, view, actor }, notices };
}

/**
 * What only the data can tell about a well-formed link: a date before the topic's earliest dated
 * stance or after both today and its last dated stance, and highlighted categories the topic does not
 * have. Each becomes a notice like any malformed value, and the value shown instead (`fix`): the date
 * clamped to the nearest day with data (before the first stance every actor would be "no data", and
 * past today and the data the map would present the latest stances as a forecast), the categories the
 * topic has. The pages call it, with the bounds of the topic's stances (`stanceBounds`, kept in the topic's
 * frame for the dashboard); the export API, which is asked for a date, draws that date as asked.
 */
export function checkAgainstData(
  raw: Raw,
  data: { topic: Topic; bounds: StanceBounds },
  state: DashboardState,
): { state: DashboardState; notices: Notice[] } {
  const notices: Notice[] = [];
  let date = state.date;
  const asked = first(raw.date);
  if (asked && isIsoDate(asked)) {
    const today = todayIso();
    const { earliest, latest } = data.bounds;
    if (earliest && asked < earliest.day) {
      date = earliest.day;
      notices.push({
        parameter: "date",
        value: asked,
        message: `before the earliest dated stance on “${data.topic.title}” (${formatEdtf(earliest.edtf)}); showing ${formatEdtf(date)}`,
        fix: { date },
      });
    } else if (asked > today && asked > latest) {
      // After today, and after every dated stance (a stance may be dated ahead, e.g. an announced
      // recognition that takes effect later): the map would present the latest stances as a forecast.
      date = today > latest ? today : latest;
      notices.push({
        parameter: "date",
        value: asked,
        message: `after today and after the last dated stance; showing ${formatEdtf(date)}`,
        fix: { date },
      });
    }
  }
  const cats = first(raw.cat);
  if (cats) {
    const keys = cats.split(",").filter(Boolean);
    const known = new Set(data.topic.categories.map((c) => c.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length > 0) {
      const kept = keys.filter((k) => known.has(k));
      const labels = data.topic.categories.filter((c) => kept.includes(c.key)).map((c) => c.label);
      notices.push({
        parameter: "cat",
        value: cats,
        message: `no such ${unknown.length === 1 ? "category" : "categories"} on “${data.topic.title}” (${unknown.join(", ")}); ${
          labels.length ? `highlighting ${labels.join(", ")}` : "nothing highlighted"
        }`,
        fix: { cat: kept.length ? kept.join(",") : null },
      });
    }
  }
  return { state: { ...state, date }, notices };
}

/** An editor's note as the dashboard, its stance index and exports carry it: with the period it holds
 * for, which core's gapReason reads. */
export function compactGap(g: { actor: string; note: string; validFrom?: string | null; validUntil?: string | null }): CompactGap {
  return {
    actor: g.actor,
    note: g.note,
    ...(g.validFrom ? { validFrom: g.validFrom } : {}),
    ...(g.validUntil ? { validUntil: g.validUntil } : {}),
  };
}

/** A source as the dashboard (and exports) carry it. */
export function compactSource(s: {
  id: string;
  publisher: string;
  title: string;
  publishedOn?: string | null;
  url?: string | null;
  citedIn?: { source: string } | null | undefined;
}): CompactSource {
  return {
    id: s.id,
    publisher: s.publisher,
    // An editor's note on the title stays in the admin.
    title: publicTitle(s.title),
    publishedOn: s.publishedOn ?? null,
    url: s.url ?? null,
    citedIn: s.citedIn?.source ?? null,
  };
}

/**
 * The dashboard's sources: every source its records cite (the topic's stances, reactions and events; with
 * no topic named, every record's) and those they were found through, however many: no cap cuts citations.
 */
export async function dashboardSources(db: ReturnType<typeof getDb>, topic?: string) {
  return (await sourcesCitedBy(db, await selectCitedSourceIds(db, topic))).map(compactSource);
}

/** The revision `?revision=` asks for, or null; a value that is not a whole number is refused by revisionInfo. */
export function pinnedRevision(raw: Raw): number | null {
  const value = first(raw.revision);
  if (value === undefined || value === "") return null;
  return /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

/** What is shown: the pinned revision, or the current one (and when each was published). */
export async function revisionShown(pin: number | null): Promise<RevisionShown | undefined> {
  const db = getDb();
  const current = await readRevision(db);
  if (pin === null && current < 1) return undefined;
  // The same for every request of this revision (a refusal is not kept).
  const n = pin ?? current;
  const info = await cachedRead(
    db,
    current,
    `revision-info\u0000${n}`,
    () => revisionInfo(db, n),
    () => 200,
  );
  return { revision: info.revision, at: info.at, pinned: pin !== null, current: info.current };
}

/**
 * Everything the dashboard's first paint needs. With `preview`, open drafts are applied on top for
 * that signed-in editor (the admin preview); the public dashboard never passes it. With `?revision=N`
 * (not in the preview), the data as published in revision N (a RevisionUnavailable when there is none).
 */
export async function loadDashboard(
  raw: Raw,
  opts: { preview?: Principal } = {},
): Promise<{ data: DashboardData; state: DashboardState; notices: Notice[]; drafts: number }> {
  if (opts.preview) return loadFrom(getDb(), raw, opts);
  const pin = pinnedRevision(raw);
  const shown = await revisionShown(pin);
  const loaded = pin === null ? await loadFrom(getDb(), raw, opts) : await withPublishedAt(getDb(), pin, (db) => loadFrom(db, raw, opts));
  return { ...loaded, data: { ...loaded.data, ...(shown ? { shown } : {}) } };
}

/**
 * What every dashboard read starts from: topics, actors, events, the sources, the revision, and the
 * network's edges only when the network is what is shown (otherwise the client asks for them when the view
 * opens, lib/server/actions/dashboard.ts); then the address's state and its topic. `perRevision` keeps the
 * topics and the sources (a pass over all evidence) once per revision, shared and frozen: the public page's
 * reads; the admin preview applies drafts onto its own copies.
 */
async function readAddress(db: Db, raw: Raw, perRevision: boolean) {
  const wantsNetwork = first(raw.view) === "network";
  const [topics, actors, events, reactions, reactionsTotal, sources, revision] = await Promise.all([
    perRevision ? sharedTopics(db) : listTopics(db).then((t) => t.data),
    selectCompactActors(db),
    selectCompactEvents(db),
    wantsNetwork ? selectReactionEdges(db, MAX_NETWORK_REACTIONS) : null,
    wantsNetwork ? countReactionEdges(db) : null,
    // Every source cited by a stance's, a reaction's or an event's evidence, and what they were found through.
    perRevision
      ? sharedRead(db, "dashboard-sources", () => dashboardSources(db), ["source", "stance", "reaction", "event"])
      : dashboardSources(db),
    readRevision(db),
  ]);
  const { state, notices } = readState(
    raw,
    topics.map((t) => t.slug),
    new Set(actors.map((a) => a.slug)),
  );
  const topic = topics.find((t) => t.slug === state.topic) ?? topics[0];
  if (!topic) throw new Error("the database has no topics: run `npm run db:seed`");
  return { topics, actors, events, reactions, reactionsTotal, sources, revision, state, notices, topic };
}

async function loadFrom(
  db: Db,
  raw: Raw,
  opts: { preview?: Principal },
): Promise<{ data: DashboardData; state: DashboardState; notices: Notice[]; drafts: number }> {
  const { topics, actors, events, reactions, reactionsTotal, sources, revision, state, notices, topic } = await readAddress(db, raw, false);
  const [stances, gaps] = await Promise.all([selectStanceTimeline(db, topic.slug), selectGapsBySlug(db, topic.slug)]);
  let parts = {
    topics,
    topic: topic.slug,
    actors,
    stances,
    gaps,
    events,
    reactions,
    sources,
  };
  let drafts = 0;
  if (opts.preview) {
    const previewed = await withOpenDrafts(db, opts.preview, parts);
    parts = previewed.parts;
    drafts = previewed.applied;
  }
  return {
    data: {
      revision,
      topics: parts.topics,
      topic: parts.topics.find((t) => t.slug === topic.slug) ?? topic,
      actors: parts.actors,
      stances: parts.stances,
      gaps: parts.gaps.map(compactGap),
      events: parts.events,
      reactions: parts.reactions,
      reactionsTruncated: reactions !== null && reactionsTotal !== null && reactionsTotal > reactions.length,
      reactionsTotal,
      sources: parts.sources,
    },
    state,
    notices,
    drafts,
  };
}

export interface DashboardPageLoad {
  data: DashboardData;
  frame: TopicFrame;
  state: DashboardState;
  notices: Notice[];
}

/**
 * What the public dashboard reads for one address: the data of `loadDashboard` without the topic's stances,
 * and the topic's frame instead (every stance's dates and category, shared by the requests of a revision).
 * Topics, sources and the frame are read once per revision. `use` works out the page from it, on the
 * database it was read from (a pinned revision's, which is only open while `use` runs).
 */
export async function loadDashboardPage<T>(raw: Raw, use: (db: Db, loaded: DashboardPageLoad) => Promise<T>): Promise<T> {
  const pin = pinnedRevision(raw);
  const shown = await revisionShown(pin);
  const run = async (db: Db) => {
    const loaded = await loadPageFrom(db, raw);
    return use(db, { ...loaded, data: { ...loaded.data, ...(shown ? { shown } : {}) } });
  };
  return pin === null ? run(getDb()) : withPublishedAt(getDb(), pin, run);
}

async function loadPageFrom(db: Db, raw: Raw): Promise<DashboardPageLoad> {
  const { topics, actors, events, reactions, reactionsTotal, sources, revision, state, notices, topic } = await readAddress(db, raw, true);
  const [frame, gaps] = await Promise.all([selectTopicFrame(db, topic.slug), selectGapsBySlug(db, topic.slug)]);
  return {
    data: {
      revision,
      topics: [...topics],
      topic,
      actors,
      stances: [],
      gaps: gaps.map(compactGap),
      events,
      reactions,
      reactionsTruncated: reactions !== null && reactionsTotal !== null && reactionsTotal > reactions.length,
      reactionsTotal,
      sources: [...sources],
    },
    frame,
    state,
    notices,
  };
}

/** The bounds of the topic's stances in `data` (the admin preview's, drafts applied). */
export const boundsOf = (data: Pick<DashboardData, "stances">): StanceBounds => stanceBounds(data.stances);
