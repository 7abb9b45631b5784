// The world's outlines read back from its sprite (world.ts's worldSprite), for what must draw them itself:
// the export dialog's picture, drawn in the browser. Pure and light (no world-atlas): safe in the client.
import type { MapGeometry, MapLayout } from "./world";

/** The id of a country's outline in the world's sprite: an XML name (feature ids may start with a digit). */
export const spriteId = (featureId: string) => `c${featureId}`;

export interface WorldShapes {
  sphere: string;
  graticule: string;
  /** Outlines by sprite id (`c004`). */
  paths: Map<string, string>;
}

/** The `<path id d>`s of a sprite as worldSprite writes them (one per line, id before d). */
export function parseWorldSprite(svg: string): WorldShapes {
  const paths = new Map<string, string>();
  for (const m of svg.matchAll(/<path id="([A-Za-z][\w-]*)"[^>]*? d="([^"]*)"/g)) paths.set(m[1] as string, m[2] as string);
  const sphere = paths.get("sphere");
  const graticule = paths.get("graticule");
  if (sphere === undefined || graticule === undefined) throw new Error("not the world's sprite: no #sphere or #graticule");
  paths.delete("sphere");
  paths.delete("graticule");
  return { sphere, graticule, paths };
}

/** The geometry the export renderer draws: the page's layout with the sprite's outlines put back. */
export function withShapes(layout: MapLayout, shapes: WorldShapes): MapGeometry {
  return {
    width: layout.width,
    height: layout.height,
    sphere: shapes.sphere,
    graticule: shapes.graticule,
    features: layout.features.map((f) => {
      const d = shapes.paths.get(spriteId(f.id));
      if (d === undefined) throw new Error(`the world's sprite has no outline for ${f.id} (${f.name})`);
      return { id: f.id, name: f.name, d, centroid: f.centroid };
    }),
    markers: layout.markers,
  };
}

/** The geometry to draw with; a layout alone (no outlines) can name and describe a map but not draw it. */
export function drawable(world: MapGeometry | MapLayout): MapGeometry {
  if ("sphere" in world) return world;
  throw new Error("drawing the map needs its outlines: pass mapGeometry, or the layout withShapes from its sprite");
}
