// The export of each view: one model per view (picture and data), shared by the dashboard's export
// dialog and the export API.
import type { MapGeometry, MapLayout } from "../world";
import { actorModel } from "./actor";
import { changeModel } from "./change";
import { type MapPicture, mapModel, mapPicture, mapPictureModel } from "./map";
import { networkModel } from "./network";
import { sequenceModel } from "./sequence";
import type { ExportData, ExportModel, ExportState, ExportView } from "./shared";
import { viewState } from "./shared";
import { timelineModel } from "./timeline";

export type { ExportData, ViewActor, ViewEvent, ViewGap, ViewReaction, ViewSource, ViewStance } from "./data";
export type { MapPicture } from "./map";
export { lagText, parseReference } from "./sequence";
export * from "./shared";
export { timelineStart } from "./timeline";

/** The data cut to what an actor's export reads (the actor page sends no more to the browser):
 * the actor, its stances and note, the sources they cite. The model gives the same file. */
export function actorData(data: ExportData, actor: string): ExportData {
  const stances = data.stances.filter((s) => s.actor === actor);
  const cited = new Set(stances.flatMap((s) => s.sources));
  return {
    revision: data.revision,
    topic: data.topic,
    actors: data.actors.filter((a) => a.slug === actor),
    stances,
    gaps: data.gaps.filter((g) => g.actor === actor),
    events: [],
    reactions: null,
    sources: data.sources.filter((s) => cited.has(s.id)),
  };
}

/** The export of `view` in state `s`. The map and the change need the projected world (its layout names
 * and describes them; drawing them needs the outlines too); the network and the sequence need the
 * reactions (the sequence, the events' actors too). */
export function exportModel(view: ExportView, data: ExportData, state: ExportState, geometry?: MapGeometry | MapLayout): ExportModel {
  const s = viewState(view, state);
  switch (view) {
    case "map":
      if (!geometry) throw new Error("the map export needs the map's geometry");
      return mapModel(data, s, geometry);
    case "network":
      return networkModel(data, s);
    case "timeline":
      return timelineModel(data, s);
    case "actor":
      return actorModel(data, s);
    case "change":
      if (!geometry) throw new Error("the change export needs the map's geometry");
      return changeModel(data, s, geometry);
    case "sequence":
      return sequenceModel(data, s);
  }
}

/** What the map's picture in state `state` draws of `data` (views/map.ts): plain data, as large as the
 * picture, from which `exportPictureModel` makes the same SVG, PNG and PDF as `exportModel`. */
export function exportPicture(data: ExportData, state: ExportState): MapPicture {
  return mapPicture(data, viewState("map", state));
}

/** The map's export from its picture: the picture formats alone (the data download needs `exportModel`). */
export function exportPictureModel(picture: MapPicture, state: ExportState, geometry: MapGeometry | MapLayout): ExportModel {
  return mapPictureModel(picture, viewState("map", state), geometry);
}
