import "server-only";
import { projectWorld, SMALL_AREA } from "@stancemap/charts/world";
import type { MapGeometry } from "@/lib/map-geometry";

/** Country paths sorted by name (the keyboard's tab order), plus markers for small or missing dataset states. */
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
