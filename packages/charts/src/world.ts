// The world map's geometry: Natural Earth countries (world-atlas) projected once with Equal Earth.
// Paths are computed here, once per size, and reused for every date and topic: recolouring never re-projects.
import { geoCentroid, geoEqualEarth, geoGraticule10, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries50 from "world-atlas/countries-50m.json" with { type: "json" };
import countries110 from "world-atlas/countries-110m.json" with { type: "json" };
import { spriteId } from "./world-shapes";

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
  features: Pick<WorldFeature, "id" | "name" | "d" | "centroid">[];
  /** Dataset states absent from the map's resolution or too small to see, by ISO numeric code. */
  markers: MapMarker[];
}

/** A country as the page needs it: its name, centre and box, not its outline (the world's sprite has that). */
export interface MapLayoutFeature {
  id: string;
  name: string;
  centroid: [number, number];
  /** The box of its main parts (islands under a tenth of its largest part left out): where to zoom to it. */
  box: [number, number, number, number] | null;
}

/**
 * The map without its shapes: what the page carries. The outlines, the same for every page and dataset,
 * are one static file (`worldSprite`) the page references by address, each country as `#c<id>`
 * (`spriteId`), the sphere as `#sphere` and the graticule as `#graticule`.
 */
export interface MapLayout {
  width: number;
  height: number;
  /** The address of the world's sprite (its name carries a hash of its content). */
  sprite: string;
  features: MapLayoutFeature[];
  markers: MapMarker[];
}

/** The bounds of a projected path's main parts (islands smaller than a tenth of its largest part left out). */
export function mainBounds(d: string): [number, number, number, number] | null {
  const boxes: [number, number, number, number][] = [];
  for (const part of d.split("M")) {
    const nums = part.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g);
    if (!nums || nums.length < 2) continue;
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const x = Number(nums[i]);
      const y = Number(nums[i + 1]);
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
    boxes.push(box);
  }
  if (boxes.length === 0) return null;
  const area = (b: [number, number, number, number]) => (b[2] - b[0]) * (b[3] - b[1]);
  const largest = Math.max(...boxes.map(area));
  return boxes
    .filter((b) => area(b) >= largest / 10)
    .reduce((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])]);
}

let sprite: string | null = null;

/**
 * The world's outlines as one SVG document of `<path id>`s, the dashboard's `<use href="…#c004">` each:
 * no fill (a `<use>`'s fill is inherited), `vector-effect` on each path because it is not inherited and
 * the page's stylesheet cannot reach into a `<use>`'s copy. Independent of the dataset: one file for every
 * page, cacheable for good under a name carrying its hash.
 */
export function worldSprite(): string {
  if (sprite) return sprite;
  const world = projectWorld(960);
  const path = (id: string, d: string) => `<path id="${id}" vector-effect="non-scaling-stroke" d="${d}"/>`;
  sprite = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${world.width} ${world.height}"><defs>`,
    path("sphere", world.sphere),
    path("graticule", world.graticule),
    ...world.features.map((f) => path(spriteId(f.id), f.d)),
    "</defs></svg>\n",
  ].join("\n");
  return sprite;
}

/** The map's layout for a dataset (mapGeometry without the outlines), its shapes at `spriteUrl`. */
export function mapLayout(stateCodes: readonly string[], spriteUrl: string): MapLayout {
  const g = mapGeometry(stateCodes);
  return {
    width: g.width,
    height: g.height,
    sprite: spriteUrl,
    features: g.features.map((f) => ({ id: f.id, name: f.name, centroid: f.centroid, box: boxOf(f.id, f.d) })),
    markers: g.markers,
  };
}

const boxes = new Map<string, [number, number, number, number] | null>();
function boxOf(id: string, d: string) {
  let box = boxes.get(id);
  if (box === undefined) {
    const b = mainBounds(d);
    box = b ? ([b[0], b[1], b[2], b[3]].map((n) => Math.round(n * 10) / 10) as [number, number, number, number]) : null;
    boxes.set(id, box);
  }
  return box;
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
    features: features.map(({ id, name, d, centroid }) => ({ id, name, d, centroid })),
    markers,
  };
}
