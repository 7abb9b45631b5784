// The reaction network's export: who reacted to whom up to the date, laid out once per model.
import { buildReactionGraph, formatEdtf, reactionCountsFrom } from "@stancemap/core/model";
import { networkPositions, renderNetworkSvg } from "../export/network-svg";
import { edgeColour, SHAPE_LEGEND } from "../network";
import { buildScene, SVG_MAX_EDGES } from "../network-scene";
import { SENTIMENT_LABELS } from "../palette";
import {
  citing,
  counted,
  dateCells,
  dateColumns,
  type ExportData,
  type ExportModel,
  type ExportState,
  fileName,
  filterText,
  frameOf,
  MAX_EXPORT_NODES,
  pathOf,
  SOURCE_COLUMNS,
  sourceCells,
  tally,
  withCount,
} from "./shared";

export function networkModel(data: ExportData, s: ExportState): ExportModel {
  const reactions = (data.reactions ?? []).filter((r) => reactionCountsFrom(r) <= s.date);
  const graph = buildReactionGraph({
    actors: data.actors,
    events: data.events,
    reactions,
    filter: { to: s.date, sentiments: s.sent ?? [], kinds: s.nkind ?? [] },
  });
  const scene = buildScene(graph, new Map(data.events.map((e) => [e.slug, e.date])));
  const shown = new Set(graph.edges.map((e) => e.id));
  const edges = reactions.filter((r) => shown.has(r.id));
  const names = new Map(data.actors.map((a) => [a.slug, a.name]));
  const titles = new Map(data.events.map((e) => [e.slug, e.title]));
  const actorCount = scene.nodes.filter((n) => n.type === "actor").length;
  const bySentiment = tally(scene.edges.map((e) => e.sentiment));
  const byShape = tally(scene.nodes.map((n) => n.shape));
  const base = {
    path: pathOf("network", s),
    defaults: {
      title: "Who reacted to whom",
      subtitle: `${counted(actorCount, "actor")} and ${counted(scene.nodes.length - actorCount, "event")}, ${counted(scene.edges.length, "reaction")} up to ${formatEdtf(s.date)}. Arrows point from the reacting actor to its target.${filterText(s)}`,
    },
    ...citing(
      data,
      edges.map((r) => r.sources),
    ),
  };
  // A picture draws at most as many reactions as the dashboard draws as SVG, among at most 400 actors
  // and events: past that, the layout takes seconds and the drawing stops being readable.
  const tooLarge =
    scene.edges.length > SVG_MAX_EDGES || scene.nodes.length > MAX_EXPORT_NODES
      ? {
          parameter: "date",
          message: `the network up to ${s.date} has ${scene.edges.length} reactions among ${scene.nodes.length} actors and events; a picture draws at most ${SVG_MAX_EDGES} reactions among ${MAX_EXPORT_NODES}: choose an earlier date, or fewer sentiments (sent) or kinds of actor (nkind). The data download holds them all.`,
        }
      : null;
  // Laid out once per model: a new title, size or theme redraws without a new layout.
  let positions: { x: number; y: number }[] | undefined;
  const layout = () => {
    positions ??= networkPositions({ nodes: scene.nodes, edges: scene.edges });
    return positions;
  };
  return {
    view: "network",
    name: fileName(data.topic.slug, "network", s.date),
    ...base,
    tooLarge,
    columns: [
      { key: "id", description: "The reaction's key in the API." },
      ...dateColumns("date", "When the reaction was made; empty when the sources do not say"),
      ...dateColumns("attested", "When a source first reports it (an undated reaction counts from this date)"),
      { key: "actor", description: "Slug of the reacting actor." },
      { key: "actor_name", description: "Name of the reacting actor." },
      { key: "target_type", description: "actor or event." },
      { key: "target", description: "Slug of the actor or event reacted to." },
      { key: "target_name", description: "Its name or title." },
      { key: "sentiment", description: "supportive, neutral, concerned or critical." },
      { key: "summary", description: "What the reaction said, in brief." },
      ...SOURCE_COLUMNS,
    ],
    rows: edges.map((r) => {
      const isActor = "actor" in r.target;
      const target = "actor" in r.target ? r.target.actor : r.target.event;
      return {
        id: r.id,
        ...dateCells("date", r.date),
        ...dateCells("attested", r.attested),
        actor: r.actor,
        actor_name: names.get(r.actor) ?? r.actor,
        target_type: isActor ? "actor" : "event",
        target,
        target_name: (isActor ? names.get(target) : titles.get(target)) ?? target,
        sentiment: r.sentiment,
        summary: r.summary,
        ...sourceCells(data, r.sources),
      };
    }),
    render: (o) =>
      renderNetworkSvg({
        nodes: scene.nodes,
        edges: scene.edges,
        positions: layout(),
        // Every sentiment keeps its place (its dash in print), with how many reactions have it; only
        // the shapes some node has, with how many do.
        sentiments: Object.keys(SENTIMENT_LABELS).map((key) => ({
          key,
          label: withCount(SENTIMENT_LABELS[key] as string, bySentiment.get(key) ?? 0),
          colour: edgeColour(key),
        })),
        shapes: SHAPE_LEGEND.flatMap((l) => (byShape.get(l.shape) ? [{ ...l, label: withCount(l.label, byShape.get(l.shape) ?? 0) }] : [])),
        frame: frameOf(base, data.revision, o),
        width: o.width,
        height: o.height,
        theme: o.theme,
        arrowLength: scene.arrowLength,
        arrowWidth: scene.arrowWidth,
        emptyMessage: `No reactions up to ${formatEdtf(s.date)}${filterText(s) ? " with these filters" : ""}.`,
      }),
  };
}
