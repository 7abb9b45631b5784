"use client";
// The dashboard's network tab: who reacted to whom (or to which event) up to the chosen date, as a
// directed graph laid out off the main thread. Filters (sentiment, kind of reacting actor) live in
// the URL; the same reactions are listed in a table below for keyboard and screen-reader users.
// When there are more reactions than the network is sent, the newest are kept: the view says so,
// and asks the server again for the newest in the date and filters chosen (use-reaction-scope.ts).
import {
  edgeColour,
  KIND_LABELS,
  nodeShape,
  reactionScene,
  SENTIMENT_LABELS,
  type SettledLayout,
  SHAPE_LEGEND,
  shapePath,
  WEBGL_EDGE_PICKING_MAX,
} from "@stancemap/charts";
import { formatEdtf, reactionCountsFrom } from "@stancemap/core/model";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import type { CompactActor, CompactEvent, CompactReaction } from "@/lib/dashboard-data";
import { dashboardParsers } from "@/lib/url-state";
import { useHydrated } from "@/lib/use-hydrated";
import { webglSupport } from "@/lib/webgl-support";
import { NetworkChart } from "./NetworkChart";
import { ReactionTable } from "./ReactionTable";
import { truncationNote, useReactionScope } from "./use-reaction-scope";

export interface NetworkViewProps {
  actors: readonly CompactActor[];
  events: readonly CompactEvent[];
  reactions: readonly CompactReaction[];
  /** How many reactions there are in all (more than `reactions` when the server kept only the newest). */
  total: number;
  /** The revision the page is pinned to, if any: a narrower scope is asked for in it. */
  revision?: number;
  date: string;
  selected: string | null;
  onSelect: (slug: string) => void;
  /** The first scene's settled layout, from the page's server (used only if it is this scene's). */
  settled?: SettledLayout | null;
}

const networkParsers = {
  sent: dashboardParsers.sent.withDefault([]),
  nkind: dashboardParsers.nkind.withDefault([]),
};

const SENTIMENTS = Object.keys(SENTIMENT_LABELS);

// sigma.js and graphology in a chunk of their own, asked for only when a graph passes the SVG limit.
const WebglNetwork = dynamic(() => import("./WebglNetwork"), {
  ssr: false,
  loading: () => (
    <p className="net-status" role="status">
      Loading the network’s WebGL renderer…
    </p>
  ),
});

/**
 * The actors the reactions name, the same array for as long as their names and kinds are: the dashboard
 * hands over the page's actors first and every actor once the stance index is in, and a new graph would
 * set the layout going again, so that the picture depended on when the index arrived.
 */
function useNamedActors(actors: readonly CompactActor[], reactions: readonly CompactReaction[]): CompactActor[] {
  const named = useMemo(() => {
    const slugs = new Set<string>();
    for (const r of reactions) {
      slugs.add(r.actor);
      if ("actor" in r.target) slugs.add(r.target.actor);
    }
    const list = actors.filter((a) => slugs.has(a.slug));
    return { list, key: list.map((a) => `${a.slug}\u0000${a.name}\u0000${a.kind}`).join("\u0001") };
  }, [actors, reactions]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: by content: a new list with the same key is the same graph.
  return useMemo(() => named.list, [named.key]);
}

export function NetworkView(props: NetworkViewProps) {
  const hydrated = useHydrated();
  const { actors, events, date } = props;
  const [filters, setFilters] = useQueryStates(networkParsers, { history: "push", scroll: false });
  // By content: the URL state hands out new arrays whenever any parameter changes (selecting an
  // actor, say), and a new graph would restart the layout.
  const sentKey = filters.sent.join(",");
  const nkindKey = filters.nkind.join(",");
  const sent = useMemo(() => (sentKey ? sentKey.split(",") : []), [sentKey]);
  const nkind = useMemo(() => (nkindKey ? nkindKey.split(",") : []), [nkindKey]);
  const inScope = useReactionScope({ reactions: props.reactions, total: props.total, revision: props.revision, date, sent, nkind });
  const reactions = inScope.reactions;
  const note = truncationNote(inScope);

  const kindOf = useMemo(() => new Map(actors.map((a) => [a.slug, a.kind])), [actors]);
  const upToDate = useMemo(() => reactions.filter((r) => reactionCountsFrom(r) <= date), [reactions, date]);
  // The buttons count what was loaded first (all sentiments and kinds), not the narrower set asked for after.
  const loaded = props.reactions;
  const loadedUpToDate = useMemo(() => loaded.filter((r) => reactionCountsFrom(r) <= date), [loaded, date]);

  // Counts for the filter buttons: each one counts with the other filter applied.
  const { sentimentCounts, kindCounts } = useMemo(() => {
    const sentimentCounts = new Map<string, number>();
    const kindCounts = new Map<string, number>();
    for (const r of loadedUpToDate) {
      const kind = kindOf.get(r.actor);
      if (!kind) continue;
      if (nkind.length === 0 || nkind.includes(kind)) sentimentCounts.set(r.sentiment, (sentimentCounts.get(r.sentiment) ?? 0) + 1);
      if (sent.length === 0 || sent.includes(r.sentiment)) kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
    }
    return { sentimentCounts, kindCounts };
  }, [loadedUpToDate, kindOf, sent, nkind]);
  const kinds = useMemo(() => {
    const reacting = new Set(loaded.flatMap((r) => kindOf.get(r.actor) ?? []));
    for (const k of nkind) reacting.add(k);
    const order = Object.keys(KIND_LABELS);
    return [...reacting].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  }, [loaded, kindOf, nkind]);

  const named = useNamedActors(actors, reactions);
  const scene = useMemo(
    () => reactionScene({ actors: named, events, reactions: upToDate, date, sentiments: sent, kinds: nkind }),
    [named, events, upToDate, date, sent, nkind],
  );
  // Past the SVG limit: sigma's WebGL on a GPU, else the 2D canvas (lib/webgl-support.ts). Known once hydrated.
  const webgl = hydrated && scene.renderer === "webgl" ? webglSupport() : null;
  const drawing = scene.renderer === "svg" ? "svg" : webgl === "gpu" ? "webgl" : webgl === null ? null : "canvas";
  const filtered = sent.length > 0 || nkind.length > 0;

  const toggle = (key: "sent" | "nkind", value: string) => {
    const list = filters[key];
    void setFilters({ [key]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] });
  };

  const actorCount = scene.nodes.filter((n) => n.type === "actor").length;
  const eventCount = scene.nodes.length - actorCount;
  const n = (v: number) => v.toLocaleString("en-GB");
  const counts = `${n(actorCount)} actor${actorCount === 1 ? "" : "s"} and ${n(eventCount)} event${eventCount === 1 ? "" : "s"}, ${n(scene.edges.length)} reaction${scene.edges.length === 1 ? "" : "s"}`;
  const label = `Reaction network up to ${formatEdtf(date)}: ${counts}.`;

  return (
    <section className="network" aria-label="Reaction network">
      <div className="net-filters">
        <fieldset className="net-filter" disabled={!hydrated}>
          <legend>Sentiment</legend>
          {SENTIMENTS.map((s) => (
            <button
              key={s}
              type="button"
              className="net-chip"
              aria-pressed={sent.includes(s)}
              onClick={() => toggle("sent", s)}
              data-sentiment={s}
            >
              <span className="net-swatch-line" style={{ background: edgeColour(s) }} aria-hidden="true" />
              {SENTIMENT_LABELS[s]}
              <span className="count">{sentimentCounts.get(s) ?? 0}</span>
            </button>
          ))}
        </fieldset>
        <fieldset className="net-filter" disabled={!hydrated}>
          <legend>Reacting actor</legend>
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              className="net-chip"
              aria-pressed={nkind.includes(k)}
              onClick={() => toggle("nkind", k)}
              data-kind={k}
            >
              <ShapeIcon kind={k} />
              {KIND_LABELS[k] ?? k}
              <span className="count">{kindCounts.get(k) ?? 0}</span>
            </button>
          ))}
        </fieldset>
        {filtered ? (
          <button type="button" className="link net-clear" onClick={() => void setFilters({ sent: null, nkind: null })}>
            Show all reactions
          </button>
        ) : null}
      </div>

      <p className="net-counts" aria-live="polite">
        {note ? (
          <span className="net-truncated" data-testid="network-truncated">
            {note}{" "}
          </span>
        ) : null}
        <strong>{counts}</strong> up to {formatEdtf(date)}
        {filtered && !inScope.scoped ? `, of ${upToDate.length} before filtering` : ""}.{" "}
        <span className="muted">
          Arrows point from the reacting actor to its target; size shows reactions given and received.{" "}
          {scene.renderer === "svg"
            ? "Drag a node to pin it."
            : `Hover a node for its neighbours${drawing === "webgl" && scene.edges.length <= WEBGL_EDGE_PICKING_MAX ? "; click an edge for its evidence" : ""}.`}
          {drawing === "canvas" && webgl === "software"
            ? " Drawn on a 2D canvas: this browser draws WebGL in software (no GPU in use), where the canvas is faster."
            : ""}
        </span>
      </p>

      <a className="skip-map" href="#network-table">
        Skip the network’s nodes
      </a>
      {scene.edges.length > 0 && scene.renderer === "webgl" && !hydrated ? (
        <p className="net-status" role="status">
          Loading the network…
        </p>
      ) : scene.edges.length > 0 && drawing === "webgl" ? (
        <WebglNetwork scene={scene} selected={props.selected} onSelect={props.onSelect} label={label} />
      ) : scene.edges.length > 0 ? (
        <NetworkChart scene={scene} settled={props.settled} selected={props.selected} onSelect={props.onSelect} label={label} />
      ) : (
        <div className="net-empty">
          <p>
            No reactions up to {formatEdtf(date)}
            {filtered ? " with these filters" : ""}.
          </p>
          {filtered ? (
            <button type="button" className="link" onClick={() => void setFilters({ sent: null, nkind: null })}>
              Show all reactions
            </button>
          ) : (
            <p className="muted">Move the date later to see the network grow.</p>
          )}
        </div>
      )}

      <NetworkLegend />
      <ReactionTable id="network-table" scene={scene} date={date} note={note} onSelect={props.onSelect} />
    </section>
  );
}

function ShapeIcon({ kind }: { kind: string }) {
  return (
    <svg className="net-shape-icon" viewBox="-8 -8 16 16" width="14" height="14" aria-hidden="true">
      <path d={shapePath(nodeShape(kind), 5.2)} />
    </svg>
  );
}

function NetworkLegend() {
  return (
    <div className="net-legend">
      <div>
        <h3 className="net-legend-title">Reaction</h3>
        <ul>
          {SENTIMENTS.map((s) => (
            <li key={s}>
              <svg viewBox="0 0 30 10" width="30" height="10" aria-hidden="true">
                <line x1="1" y1="5" x2="21" y2="5" style={{ stroke: edgeColour(s) }} strokeWidth="2" />
                <path d="M29,5L21,1.5L21,8.5Z" style={{ fill: edgeColour(s) }} />
              </svg>
              {SENTIMENT_LABELS[s]}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="net-legend-title">Node</h3>
        <ul>
          {SHAPE_LEGEND.map((l) => (
            <li key={l.shape}>
              <svg
                viewBox="-9 -9 18 18"
                width="16"
                height="16"
                aria-hidden="true"
                className={l.shape === "hexagon" ? "net-event-icon" : "net-shape-icon"}
              >
                <path d={shapePath(l.shape, 6)} />
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
