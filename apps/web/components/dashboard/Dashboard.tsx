"use client";
// The analyst's dashboard: topic and date in, map (or network, or table) out, with the selected
// actor's record beside it and the timeline below. All state is in the URL (use-dashboard-state).
// On a desktop the map, its legend, the actors without territory and the time slider share the first
// screen (one chart frame); on a phone the selected actor's record opens as a sheet over the map.
import { KIND_LABELS, type SettledLayout } from "@stancemap/charts";
import { changeRange, formatEdtf, StanceIndex } from "@stancemap/core/model";
import { useRouter } from "next/navigation";
import { throttle } from "nuqs";
import {
  type ComponentProps,
  memo,
  type RefObject,
  startTransition as startBackground,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import { LazyExportDialog as ExportDialog } from "@/components/export/LazyExportDialog";
import { ActorBadges } from "@/components/map/ActorBadges";
import { type CueCounts, Legend } from "@/components/map/Legend";
import { type MapCell, type QualifierNames, WorldMap } from "@/components/map/WorldMap";
import { Timeline } from "@/components/timeline/Timeline";
import type { CompactActor, CompactReaction, DashboardData, Notice } from "@/lib/dashboard-data";
import { type FirstScreen, kindsOf, NO_DATA_FILL, regionsOf, visibleActors as visibleOf } from "@/lib/first-screen";
import type { MapLayout } from "@/lib/map-geometry";
import { loadReactionEdges } from "@/lib/server/actions/dashboard";
import { TIMELINE_START, type View } from "@/lib/url-state";
import { createDateStore, type DateStore, useStoreDate } from "./date-store";
import { ActorPanel, ChangeView, MapTable, NetworkView, SequenceView } from "./lazy-views";
import { Search } from "./Search";
import { useDashboardState } from "./use-dashboard-state";
import { cellsAtFor, useShownMap } from "./use-shown-map";
import { useStanceIndex } from "./use-stance-index";

declare global {
  interface Window {
    /** Per date change, ms from the change to React's commit and to the painted frame. */
    __stancemapPerf?: { recolour: { commit: number; frame: number }[] };
  }
}

/** URL writes of a moving date at most this often: the address follows, off the recolour's frame. */
const DATE_URL_THROTTLE = throttle(300);
/** One empty list, so that the memoised timeline sees the same props. */
const NONE: never[] = [];

/** The cells of the actors with territory, by feature id. */
function byFeatureOf(actors: readonly { slug: string; isoNumeric?: string | null }[], cells: ReadonlyMap<string, MapCell>) {
  const byFeature = new Map<string, MapCell>();
  for (const a of actors) {
    const cell = a.isoNumeric ? cells.get(a.slug) : undefined;
    if (a.isoNumeric && cell) byFeature.set(a.isoNumeric, cell);
  }
  return byFeature;
}

/**
 * The timeline at the date store's date: with the map's fills, the one part that re-renders in a date
 * change's frame. It times the recolour too: from the date change to React's commit of it (the fills are
 * written before it), and to the frame painted with it (a message posted from the frame's animation
 * callback is handled only after that frame is rendered).
 */
const TimelineAt = memo(function TimelineAt({
  store,
  started,
  ...props
}: { store: DateStore; started: RefObject<number | null> } & Omit<ComponentProps<typeof Timeline>, "date">) {
  const date = useStoreDate(store);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each date the store takes.
  useLayoutEffect(() => {
    const start = started.current;
    if (start === null) return;
    started.current = null;
    const commit = performance.now() - start;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__stancemapPerf ??= { recolour: [] };
        window.__stancemapPerf.recolour.push({ commit, frame: performance.now() - start });
      };
      channel.port2.postMessage(null);
    });
  }, [date]);
  return <Timeline {...props} date={date} />;
});

export function Dashboard(props: {
  /** Every actor and stance of the topic (the admin preview, embeds); or, with `firstScreen`, only the
   * actors the first screen draws and no stances: the rest arrives as the stance index. */
  data: DashboardData;
  firstScreen?: FirstScreen;
  /** With `firstScreen` on a page that opens on a small network (its reactions in `data`, none left out):
   * the actors those reactions name, so that the network is drawn before the stance index is in. */
  networkActors?: CompactActor[];
  /** That network's settled layout, worked out by the page's server (drawn at once, no layout to watch). */
  networkLayout?: SettledLayout | null;
  geometry: MapLayout;
  /** What an absent parameter means: the first topic, today (as the server sees it), the map. */
  defaults: { topic: string; date: string; view: View };
  notices: Notice[];
  /** Where exports' permalinks point (the server's public origin); absent, there is no export (the admin
   * preview shows drafts, and exports are of published data). */
  exportOrigin?: string;
  /** An embed (/embed/{view}): that view alone, the toolbar, tabs, exports and side panel hidden; the map
   * keeps its time slider, and a selected actor opens its page. */
  embed?: "map" | "network" | "timeline";
}) {
  const { geometry, firstScreen } = props;
  // The topic's stance index, fetched after hydration when the page carries only its first screen.
  const shownRevision = props.data.shown?.revision ?? props.data.revision;
  const fetched = useStanceIndex(props.data.topic.slug, shownRevision, Boolean(firstScreen));
  const full = useMemo(
    (): DashboardData | null =>
      !firstScreen
        ? props.data
        : fetched.index
          ? { ...props.data, actors: fetched.index.actors, stances: fetched.index.stances, gaps: fetched.index.gaps }
          : null,
    [firstScreen, props.data, fetched.index],
  );
  /** Whether every actor and stance is here; until then the views that need them say they are loading. */
  const ready = full !== null;
  /** The network view draws from the page's reactions and the actors they name (app/page.tsx), in the
   * server's HTML, until every actor is in. */
  const networkActors = full ? full.actors : props.networkActors;
  const data = full ?? props.data;
  const [urlState, setState] = useDashboardState(props.defaults);
  const { embed } = props;
  const state = embed ? { ...urlState, view: embed === "network" ? ("network" as const) : ("map" as const) } : urlState;
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const topic = data.topics.find((t) => t.slug === state.topic) ?? data.topic;
  const loadedTopic = data.topic.slug === topic.slug;
  const today = props.defaults.date;

  // Malformed parameters were ignored on the server; take them out of the address too.
  // A notice with a fix (the change view's dates in the wrong order) sets those parameters instead.
  useEffect(() => {
    if (props.notices.length === 0) return;
    const url = new URL(window.location.href);
    // A value shown instead (a date clamped to the data, the categories the topic has, two dates swapped)
    // goes through the URL state, so the views follow it; the rest is only taken out of the address.
    for (const n of props.notices) if (!n.fix) url.searchParams.delete(n.parameter);
    window.history.replaceState(window.history.state, "", url);
    const fix: Record<string, string | string[] | null> = {};
    for (const n of props.notices)
      for (const [key, value] of Object.entries(n.fix ?? {})) fix[key] = key === "cat" && value !== null ? value.split(",") : value;
    if (Object.keys(fix).length) void setStateRef.current(fix as Parameters<typeof setState>[0], { history: "replace" });
  }, [props.notices]);

  const kinds = useMemo(() => (ready ? kindsOf(data.actors) : (firstScreen?.kinds ?? [])), [ready, data.actors, firstScreen]);
  const regions = useMemo(() => (ready ? regionsOf(data.actors) : (firstScreen?.regions ?? [])), [ready, data.actors, firstScreen]);
  const kindKey = state.kind.join(",");
  const visibleActors = useMemo(
    () => visibleOf(data.actors, { region: state.region, kind: kindKey ? kindKey.split(",") : [] }),
    [data.actors, state.region, kindKey],
  );
  // The first screen as the server worked it out, while the date and filters are still the ones it was for.
  const firstScreenHolds =
    !ready &&
    firstScreen &&
    firstScreen.date === state.date &&
    firstScreen.region === state.region &&
    firstScreen.kind.join(",") === kindKey;

  const [reactions, setReactions] = useState<CompactReaction[] | null>(data.reactions);
  const [reactionsTotal, setReactionsTotal] = useState<number | null>(data.reactionsTotal);
  const [reactionsError, setReactionsError] = useState<string | null>(null);
  // A page pinned to a revision (`?revision=`) asks for that revision's reactions.
  const pinned = data.shown?.pinned ? data.shown.revision : undefined;
  useEffect(() => {
    if ((state.view !== "network" && state.view !== "sequence") || reactions) return;
    loadReactionEdges(pinned).then(
      (r) => {
        setReactions(r.reactions);
        setReactionsTotal(r.total);
      },
      (e: Error) => setReactionsError(e.message),
    );
  }, [state.view, reactions, pinned]);

  const perfStart = useRef<number | null>(null);
  const index = useMemo(() => new StanceIndex(loadedTopic ? data.stances : [], topic.slug), [data.stances, topic.slug, loadedTopic]);
  const shownData = useMemo(() => ({ topic, gaps: data.gaps }), [topic, data.gaps]);
  // The date as the slider moves it (date-store.ts): a change recolours the map's countries at once from
  // their actors alone (a few hundred, whatever the dataset's size) and moves the slider, with no render
  // of the dashboard; the URL follows after that frame, and the legend, badges and table from every actor
  // after that, worked out in steps (use-shown-map.ts).
  const [dateStore] = useState(() => createDateStore(state.date));
  const territorialVisible = useMemo(() => visibleActors.filter((a) => a.isoNumeric), [visibleActors]);
  const live = useMemo(() => {
    if (!ready) return null;
    const at = cellsAtFor(shownData, index, territorialVisible);
    // Worked out once per date the store takes.
    let last: { date: string; cells: Map<string, MapCell> } | null = null;
    return {
      subscribe: dateStore.subscribe,
      get() {
        const date = dateStore.get();
        if (last?.date !== date) last = { date, cells: byFeatureOf(territorialVisible, at(date)) };
        return last.cells;
      },
    };
  }, [ready, shownData, index, territorialVisible, dateStore]);
  const whole = useShownMap(ready, shownData, index, visibleActors, state.date);
  const firstCells = useMemo(() => new Map(firstScreen?.cells ?? []), [firstScreen]);
  const byActor: Map<string, MapCell> = whole?.byActor ?? firstCells;
  const byFeature = useMemo(() => byFeatureOf(territorialVisible, byActor), [byActor, territorialVisible]);
  const palette = useMemo(() => topic.categories.map((c) => c.colour), [topic.categories]);
  const map = whole
    ? whole.map
    : {
        legend: firstScreen?.legend ?? [],
        noData: firstScreen?.noData ?? 0,
        uncertain: firstScreen?.uncertain ?? 0,
        attested: firstScreen?.attested ?? 0,
        qualifiers: firstScreen?.qualifiers ?? [],
      };
  // Countries of actors the filters leave out: neither a stance nor "not covered".
  const filtered = useMemo(() => {
    const visible = new Set(visibleActors.map((a) => a.slug));
    return new Set(data.actors.flatMap((a) => (a.isoNumeric && !visible.has(a.slug) ? [a.isoNumeric] : [])));
  }, [data.actors, visibleActors]);
  const qualifierNames = useMemo((): QualifierNames => {
    const list = topic.qualifiers ?? [];
    const at = new Map(list.map((q, i) => [q.key, { label: q.label, index: i }]));
    return { label: (key) => at.get(key)?.label ?? key, index: (key) => at.get(key)?.index ?? 0 };
  }, [topic]);
  const cueCounts = useMemo(
    (): CueCounts => ({
      uncertain: map.uncertain,
      attested: map.attested,
      qualifiers: map.qualifiers.map((q, index) => ({ key: q.key, label: q.label, index, count: q.count })),
    }),
    [map],
  );

  // Stable callbacks (nuqs's setter may change identity between renders): memoised children
  // such as the map's countries then skip re-rendering on a date change.
  const setStateRef = useRef(setState);
  setStateRef.current = setState;
  /** Dates this dashboard wrote to the URL and has not yet seen come back as its state. */
  const ownDates = useRef<string[]>([]);
  /** The date waiting to be written to the URL once the frame that shows it is painted. */
  const urlWrite = useRef<{ date: string; replace: boolean } | null>(null);
  const setDate = useCallback(
    (date: string, opts?: { replace?: boolean }) => {
      perfStart.current = performance.now();
      dateStore.set(date);
      const queued = urlWrite.current;
      // Several changes before the write are one entry in the history: a push if any of them was one.
      urlWrite.current = { date, replace: Boolean(opts?.replace) && (queued?.replace ?? true) };
      if (queued) return;
      // After the frame: a task queued from the frame's animation callback runs once it is painted.
      requestAnimationFrame(() =>
        setTimeout(() => {
          const write = urlWrite.current;
          urlWrite.current = null;
          if (!write) return;
          ownDates.current.push(write.date);
          startBackground(() => {
            void setStateRef.current(
              { date: write.date },
              { history: write.replace ? "replace" : "push", limitUrlUpdates: DATE_URL_THROTTLE },
            );
          });
        }, 0),
      );
    },
    [dateStore],
  );
  // A date from elsewhere (back and forward, the change view's dates, a notice's fix) moves the store too.
  useEffect(() => {
    const own = ownDates.current.indexOf(state.date);
    if (own >= 0) ownDates.current.splice(0, own + 1);
    else if (!urlWrite.current) dateStore.set(state.date);
  }, [state.date, dateStore]);
  /** What had focus when an actor was selected (a country, a badge, a search field): where closing the panel returns. */
  const openerRef = useRef<{ slug: string; element: Element | null } | null>(null);
  const select = useCallback(
    (slug: string | null) => {
      if (embed && slug) return void window.open(`/actors/${encodeURIComponent(slug)}`, "_blank", "noopener");
      if (slug) {
        const focused = document.activeElement;
        openerRef.current = { slug, element: focused && focused !== document.body ? focused : null };
      }
      void setStateRef.current({ actor: slug });
    },
    [embed],
  );
  const setTopic = (slug: string) =>
    startTransition(async () => {
      await setState({ topic: slug, cat: [] }, { shallow: false });
      router.refresh();
    });

  const highlight = useMemo(() => new Set(state.cat), [state.cat]);
  const toggleCategory = (key: string) =>
    void setState({ cat: state.cat.includes(key) ? state.cat.filter((k) => k !== key) : [...state.cat, key] });
  const sources = useMemo(() => new Map(data.sources.map((s) => [s.id, s])), [data.sources]);
  const names = useMemo(() => new Map(data.actors.map((a) => [a.slug, a.name])), [data.actors]);
  const actorName = useCallback((slug: string) => names.get(slug) ?? slug, [names]);
  const selected = state.actor && names.has(state.actor) ? state.actor : null;
  /** Closes the panel and puts focus back on what opened it, or on the actor's country or badge. */
  const closePanel = useCallback(() => {
    const slug = selected;
    if (!slug) return;
    const opener = openerRef.current?.slug === slug ? openerRef.current.element : null;
    select(null);
    requestAnimationFrame(() => {
      const target =
        opener?.isConnected && opener.closest("#view-panel")
          ? opener
          : document.querySelector(`#view-panel [data-actor="${CSS.escape(slug)}"][tabindex]`);
      if (target instanceof HTMLElement || target instanceof SVGElement) target.focus({ preventScroll: true });
    });
  }, [selected, select]);
  // On a phone the record is a sheet over the screen's lower part: the map, and the country just tapped,
  // scroll up above it (not on the first render: a link that opens with an actor keeps its place).
  const sheetMounted = useRef(false);
  useEffect(() => {
    const first = !sheetMounted.current;
    sheetMounted.current = true;
    if (!selected || embed || first) return;
    const side = document.querySelector<HTMLElement>(".dash-main > .side");
    const panel = side?.querySelector<HTMLElement>(".panel");
    const map = document.querySelector<HTMLElement>("#view-panel .map-wrap");
    if (!side || !panel || !map || getComputedStyle(side).position !== "fixed") return;
    const sheetTop = Math.min(
      side.getBoundingClientRect().top,
      window.innerHeight - (Number.parseFloat(getComputedStyle(panel).maxHeight) || 0),
    );
    const box = map.getBoundingClientRect();
    const by = Math.min(box.top - 8, box.bottom - sheetTop + 8);
    if (box.bottom > sheetTop && by > 0) {
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      window.scrollBy({ top: by, behavior: reduce ? "auto" : "smooth" });
    }
  }, [selected, embed]);
  // Escape closes the panel from anywhere on the page, unless something open takes it first (a dialog,
  // the search's list, the kinds menu).
  useEffect(() => {
    if (!selected || embed) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest("dialog, details[open]")) return;
      if (t instanceof HTMLInputElement && t.getAttribute("role") === "combobox" && t.value) return;
      closePanel();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [selected, embed, closePanel]);
  const territorial = useMemo(() => visibleActors.filter((a) => a.kind === "state" || a.isoNumeric), [visibleActors]);
  // The region filter zooms the map to its actors' countries.
  const regionKey = state.region ?? "";
  const zoomTo = useMemo(
    () => (regionKey ? data.actors.flatMap((a) => (a.region === regionKey && a.isoNumeric ? [a.isoNumeric] : [])) : []),
    [data.actors, regionKey],
  );
  const badges = useMemo(() => visibleActors.filter((a) => !a.isoNumeric), [visibleActors]);
  const tableActors = useMemo(() => [...territorial, ...badges], [territorial, badges]);
  const stale = whole ? whole.stale : (firstScreen?.stale ?? 0);

  // The export dialogs' input: the same data and state the views draw from. Keyed by the filters'
  // contents, since the URL state hands out new arrays whenever any parameter changes.
  const exportData = useMemo(() => ({ ...data, reactions }), [data, reactions]);
  const sentKey = state.sent.join(",");
  const nkindKey = state.nkind.join(",");
  const catKey = state.cat.join(",");
  const exportState = useMemo(
    () => ({
      topic: topic.slug,
      date: state.date,
      region: state.region,
      kind: kindKey ? kindKey.split(",") : [],
      sent: sentKey ? sentKey.split(",") : [],
      nkind: nkindKey ? nkindKey.split(",") : [],
      cat: catKey ? catKey.split(",") : [],
      actor: selected,
      // The change view's first date as the view resolves it (the link's, or the day before the latest
      // dated move), so the export and its permalink compare the same two dates as the screen.
      from:
        state.view === "change"
          ? changeRange({ from: state.from, to: state.date, stances: loadedTopic ? data.stances : [], topic: topic.slug }).from
          : state.from,
      reference: state.ref,
    }),
    [
      topic.slug,
      state.date,
      state.region,
      kindKey,
      sentKey,
      nkindKey,
      catKey,
      selected,
      state.view,
      state.from,
      state.ref,
      loadedTopic,
      data.stances,
    ],
  );

  const views: { key: View; label: string }[] = [
    { key: "map", label: "Map" },
    { key: "network", label: "Network" },
    { key: "table", label: "Table" },
    { key: "change", label: "Change" },
    { key: "sequence", label: "Sequence" },
  ];

  return (
    <div className={embed ? `dashboard embed-${embed}` : "dashboard"} aria-busy={pending}>
      {!embed && props.notices.length > 0 ? (
        <div className="notice" role="status">
          <strong>Some link settings were not understood and were ignored:</strong>
          <ul>
            {props.notices.map((n) => (
              <li key={n.parameter}>
                <code>
                  {n.parameter}={n.value}
                </code>
                : {n.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="toolbar" hidden={Boolean(embed)}>
        <label htmlFor="topic-select">Topic</label>
        <select id="topic-select" value={topic.slug} onChange={(e) => setTopic(e.target.value)}>
          {data.topics.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.title}
            </option>
          ))}
        </select>
        <label htmlFor="region-select">Region</label>
        <select id="region-select" value={state.region ?? ""} onChange={(e) => void setState({ region: e.target.value || null })}>
          <option value="">All</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <details className="kinds">
          <summary>Actor kinds{state.kind.length ? ` (${state.kind.length})` : ""}</summary>
          <fieldset>
            <legend className="visually-hidden">Show only these kinds of actor</legend>
            {kinds.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={state.kind.includes(k)}
                  onChange={(e) => void setState({ kind: e.target.checked ? [...state.kind, k] : state.kind.filter((x) => x !== k) })}
                />{" "}
                {KIND_LABELS[k] ?? k}
              </label>
            ))}
          </fieldset>
        </details>
        <Search actors={data.actors} pending={!ready} onSelect={select} />
      </div>

      <h1 className="dash-title" hidden={embed === "timeline"}>
        {topic.title} <span className="muted">as of {formatEdtf(state.date)}</span>
      </h1>
      <p className="lede" hidden={Boolean(embed)}>
        {topic.question}{" "}
        {stale > 0
          ? `${stale.toLocaleString("en")} of the stances shown date from more than a year earlier; hover or select to see when.`
          : ""}
      </p>

      <div className="dash-bar" hidden={Boolean(embed)}>
        <div className="tabs" role="tablist" aria-label="View" hidden={Boolean(embed)}>
          {views.map((v, i) => (
            <button
              key={v.key}
              type="button"
              role="tab"
              id={`tab-${v.key}`}
              aria-selected={state.view === v.key}
              aria-controls="view-panel"
              tabIndex={state.view === v.key ? 0 : -1}
              onClick={() => void setState({ view: v.key })}
              onKeyDown={(e) => {
                // One tab stop for the tabs; arrows, Home and End move between them (ARIA's tabs pattern).
                const next =
                  e.key === "ArrowRight"
                    ? (i + 1) % views.length
                    : e.key === "ArrowLeft"
                      ? (i - 1 + views.length) % views.length
                      : e.key === "Home"
                        ? 0
                        : e.key === "End"
                          ? views.length - 1
                          : null;
                if (next === null) return;
                e.preventDefault();
                const view = views[next];
                if (!view) return;
                void setState({ view: view.key });
                document.getElementById(`tab-${view.key}`)?.focus();
              }}
            >
              {v.label}
            </button>
          ))}
        </div>
        {!embed && loadedTopic && ready && props.exportOrigin && (
          <div className="export-row">
            {/* The Table tab's export is the table's own (MapTable); the map's is on the Map tab. */}
            {state.view === "table" ? null : state.view === "change" ? (
              <ExportDialog
                view="change"
                data={exportData}
                state={exportState}
                geometry={geometry}
                origin={props.exportOrigin}
                shown={data.shown}
              />
            ) : state.view === "sequence" ? (
              <ExportDialog view="sequence" data={exportData} state={exportState} origin={props.exportOrigin} shown={data.shown} />
            ) : state.view !== "network" ? (
              <ExportDialog
                view="map"
                data={exportData}
                state={exportState}
                geometry={geometry}
                origin={props.exportOrigin}
                shown={data.shown}
              />
            ) : reactions ? (
              <ExportDialog view="network" data={exportData} state={exportState} origin={props.exportOrigin} shown={data.shown} />
            ) : null}
            <ExportDialog
              view="timeline"
              data={exportData}
              state={exportState}
              origin={props.exportOrigin}
              shown={data.shown}
              label="Export the timeline…"
            />
          </div>
        )}
      </div>

      <div className="dash-main" hidden={embed === "timeline"}>
        <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${state.view}`} className="view">
          {state.view === "map" ? (
            <>
              {ready || firstScreenHolds ? null : (
                <p className="muted view-loading" role="status">
                  {fetched.error ? `Could not load the data: ${fetched.error}` : `Loading the map as of ${formatEdtf(state.date)}…`}
                </p>
              )}
              <WorldMap
                geometry={geometry}
                cells={byFeature}
                live={live}
                palette={palette}
                filtered={filtered}
                qualifiers={qualifierNames}
                selected={selected}
                highlight={highlight}
                zoomTo={zoomTo}
                onSelect={select}
              />
              <div id="legend">
                <Legend
                  title={topic.title}
                  items={map.legend}
                  noData={map.noData}
                  cues={cueCounts}
                  active={state.cat}
                  onToggle={toggleCategory}
                />
              </div>
              <ActorBadges
                actors={badges}
                cells={byActor}
                qualifiers={qualifierNames}
                selected={selected}
                highlight={highlight}
                totals={ready ? undefined : firstScreen?.totals}
                onSelect={select}
              />
            </>
          ) : !ready && !(state.view === "network" && networkActors) ? (
            <p className="muted view-loading" role="status">
              {fetched.error ? `Could not load the data: ${fetched.error}` : "Loading the data…"}
            </p>
          ) : state.view === "change" ? (
            <ChangeView
              topic={topic}
              stances={loadedTopic ? data.stances : []}
              actors={visibleActors}
              allActors={data.actors}
              sources={sources}
              geometry={geometry}
              filtered={filtered}
              from={state.from}
              date={state.date}
              selected={selected}
              revision={pinned ?? null}
              noDataFill={NO_DATA_FILL}
              onDates={(d) => void setState(d)}
              onSelect={select}
            />
          ) : state.view === "sequence" ? (
            <SequenceView
              topic={topic}
              stances={loadedTopic ? data.stances : []}
              actors={data.actors}
              events={data.events}
              reactions={reactions}
              reactionsError={reactionsError}
              refParam={state.ref}
              selected={selected}
              onRef={(ref) => void setState({ ref })}
              onSelect={select}
            />
          ) : state.view === "network" ? (
            reactions ? (
              <NetworkView
                actors={networkActors ?? data.actors}
                events={data.events}
                reactions={reactions}
                total={reactionsTotal ?? reactions.length}
                revision={pinned}
                date={state.date}
                selected={selected}
                onSelect={select}
                settled={props.networkLayout}
              />
            ) : (
              <p className="muted" role="status">
                {reactionsError ? `Could not load the reactions: ${reactionsError}` : "Loading the reactions…"}
              </p>
            )
          ) : (
            <MapTable
              actors={tableActors}
              cells={byActor}
              qualifiers={qualifierNames}
              date={state.date}
              topicTitle={topic.title}
              categories={topic.categories}
              exportName={props.exportOrigin && loadedTopic ? `stancemap-${topic.slug.split("-")[0]}-table-${state.date}` : undefined}
              onSelect={select}
            />
          )}
        </div>
        {selected && !embed ? (
          <aside className="side" aria-label="Selected actor">
            <ActorPanel
              slug={selected}
              topic={topic}
              date={state.date}
              actors={data.actors}
              complete={ready}
              sources={sources}
              revision={data.shown?.pinned ? data.shown.revision : null}
              onClose={closePanel}
              onSelect={select}
            />
          </aside>
        ) : null}
      </div>

      {embed === "network" ? null : !ready ? (
        <section className="timeline timeline-loading" aria-label="Timeline">
          <p className="muted" role="status">
            {fetched.error ? `Could not load the timeline: ${fetched.error}` : "Loading the timeline…"}
          </p>
        </section>
      ) : (
        <TimelineAt
          store={dateStore}
          started={perfStart}
          from={TIMELINE_START}
          to={today}
          events={data.events}
          stances={loadedTopic ? data.stances : NONE}
          topic={topic.slug}
          categories={topic.categories}
          qualifiers={topic.qualifiers ?? NONE}
          selectedActor={selected}
          actorName={actorName}
          onDate={setDate}
        />
      )}
    </div>
  );
}
