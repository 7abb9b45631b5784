// The world map's geometry: Natural Earth countries (world-atlas) projected once with Equal Earth.
// Paths are computed here, once per size, and reused for every date and topic: recolouring never re-projects.
import { geoCentroid, geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50 from "world-atlas/countries-50m.json" with { type: "json" };
import countries110 from "world-atlas/countries-110m.json" with { type: "json" };

export interface WorldFeature {
  /** ISO 3166-1 numeric code ("643"), or a name-based id for the few features without one. */
  id: string;
  name: string;
  d: string;
  centroid: [number, number];
  bounds: [[number, number], [number, number]];
  /** Projected area in square pixels: how visible the country is. */
  area: number;
}

/** A state too small for the 110m map or absent from it: drawn as a marker at its centroid. */
export interface WorldPoint {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface WorldModel {
  width: number;
  height: number;
  sphere: string;
  graticule: string;
  features: WorldFeature[];
  /** Every 50m feature's projected centroid, by id: where to put a marker. */
  points: Record<string, WorldPoint>;
}

/** Features below this projected area (px² at 960 wide) get a marker so they can be seen and clicked. */
export const SMALL_AREA = 12;

type Props = { name: string };

function featuresOf(topology: unknown): Feature<Geometry, Props>[] {
  const t = topology as Topology<{ countries: GeometryCollection<Props> }>;
  return (feature(t, t.objects.countries) as FeatureCollection<Geometry, Props>).features;
}

export function featureId(f: Feature<Geometry, Props>): string {
  if (f.id !== undefined && f.id !== null && String(f.id) !== "") return String(f.id);
  return `x-${f.properties.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

const cache = new Map<number, WorldModel>();

export function projectWorld(width = 960): WorldModel {
  const cached = cache.get(width);
  if (cached) return cached;
  const height = Math.round(width * 0.487);
  const projection = geoEqualEarth().fitExtent(
    [
      [1, 1],
      [width - 1, height - 1],
    ],
    { type: "Sphere" },
  );
  const path = geoPath(projection).digits(1);
  const features = featuresOf(countries110)
    .filter((f) => f.properties.name !== "Antarctica")
    .map((f): WorldFeature => {
      const [x, y] = path.centroid(f);
      const b = path.bounds(f);
      return {
        id: featureId(f),
        name: f.properties.name,
        d: path(f) ?? "",
        centroid: [Math.round(x * 10) / 10, Math.round(y * 10) / 10],
        bounds: [
          [b[0][0], b[0][1]],
          [b[1][0], b[1][1]],
        ],
        area: Math.round(path.area(f)),
      };
    });
  const points: Record<string, WorldPoint> = {};
  for (const f of featuresOf(countries50)) {
    const projected = projection(geoCentroid(f));
    if (!projected) continue;
    const id = featureId(f);
    points[id] = { id, name: f.properties.name, x: Math.round(projected[0] * 10) / 10, y: Math.round(projected[1] * 10) / 10 };
  }
  const model: WorldModel = {
    width,
    height,
    sphere: path({ type: "Sphere" }) ?? "",
    graticule: path(geoGraticule10()) ?? "",
    features,
    points,
  };
  cache.set(width, model);
  return model;
}

/** A dataset state absent from the map's resolution or too small to see: a dot at its centroid. */
export interface MapMarker {
  id: string;
  name: string;
  x: number;
  y: number;
}

/** The subset of the projected world the browser and the exporter need, prepared on the server. */
export interface MapGeometry {
  width: number;
  height: number;
  sphere: string;
  graticule: string;
  features: Pick<WorldFeature, "id" | "name" | "d" | "centroid" | "area">[];
  /** Dataset states absent from the map's resolution or too small to see, by ISO numeric code. */
  markers: MapMarker[];
}

/** The map's geometry for a dataset: country paths sorted by name (the keyboard's tab order), plus
 * markers for small or missing dataset states (by ISO numeric code). */
export function mapGeometry(stateCodes: readonly string[]): MapGeometry {
  const world = projectWorld(960);
  const features = [...world.features].sort((a, b) => a.name.localeCompare(b.name));
  const byId = new Map(features.map((f) => [f.id, f]));
  const markers = stateCodes.flatMap((code) => {
    const f = byId.get(code);
    if (f && f.area >= SMALL_AREA) return [];
    const point = world.points[code];
    return point ? [{ id: code, name: point.name, x: point.x, y: point.y }] : [];
  });
  return {
    width: world.width,
    height: world.height,
    sphere: world.sphere,
    graticule: world.graticule,
    features: features.map(({ id, name, d, centroid, area }) => ({ id, name, d, centroid, area })),
    markers,
  };
}
