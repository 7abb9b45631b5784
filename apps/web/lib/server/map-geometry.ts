import "server-only";
import { createHash } from "node:crypto";
import { mapLayout as layoutOf, worldSprite } from "@stancemap/charts/world";

// The projected world, on the server only: charts' mapGeometry (outlines included) for what draws the map
// itself (exports), and the page's layout, whose outlines are the one static sprite served by
// /data/world/{hash}.svg (app/data/world/[file]/route.ts).
export { mapGeometry } from "@stancemap/charts/world";

let sprite: { svg: string; hash: string; etag: string } | null = null;

/** The world's sprite, its content hash (the file's name) and ETag; made once per process. */
export function worldSpriteFile() {
  if (!sprite) {
    const svg = worldSprite();
    const hash = createHash("sha256").update(svg).digest("hex").slice(0, 16);
    sprite = { svg, hash, etag: `"world-${hash}"` };
  }
  return sprite;
}

/** Where the page finds the world's outlines. */
export const worldSpriteUrl = () => `/data/world/${worldSpriteFile().hash}.svg`;

/** The map's layout for a dataset's states (by ISO numeric code): what the page carries. */
export const mapLayout = (stateCodes: readonly string[]) => layoutOf(stateCodes, worldSpriteUrl());
