// The map's outlines in the browser, for what draws the map as a file (the export dialog's picture): read
// back from the world's sprite the map already uses (so from the HTTP cache), once per page.
import { parseWorldSprite, type WorldShapes, withShapes } from "@stancemap/charts/world-shapes";
import { useEffect, useState } from "react";
import type { MapGeometry, MapLayout } from "./map-geometry";

const loaded = new Map<string, Promise<WorldShapes>>();

/** The sprite at `url`, parsed; a failed fetch is forgotten, so the next call tries again. */
export function loadWorldShapes(url: string): Promise<WorldShapes> {
  let shapes = loaded.get(url);
  if (!shapes) {
    shapes = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`.trim());
      return parseWorldSprite(await r.text());
    });
    shapes.catch(() => loaded.delete(url));
    loaded.set(url, shapes);
  }
  return shapes;
}

/** The full geometry for a layout (null while it loads, or without a layout); a failure in words. */
export function useMapShapes(world: MapGeometry | MapLayout | undefined): { geometry: MapGeometry | null; error: string | null } {
  const [state, setState] = useState<{ for: unknown; geometry: MapGeometry | null; error: string | null }>({
    for: null,
    geometry: null,
    error: null,
  });
  useEffect(() => {
    if (!world || "sphere" in world) return;
    let live = true;
    loadWorldShapes(world.sprite).then(
      (shapes) => live && setState({ for: world, geometry: withShapes(world, shapes), error: null }),
      (e: Error) =>
        live &&
        setState({
          for: world,
          geometry: null,
          error: `The map's outlines could not be loaded (${e.message}); close this and open it again.`,
        }),
    );
    return () => {
      live = false;
    };
  }, [world]);
  if (world && "sphere" in world) return { geometry: world, error: null };
  return state.for === world && world ? state : { geometry: null, error: null };
}
