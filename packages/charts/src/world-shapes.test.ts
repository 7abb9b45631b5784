import { describe, expect, it } from "vitest";
import { mapGeometry, mapLayout, worldSprite } from "./world";
import { drawable, parseWorldSprite, spriteId, withShapes } from "./world-shapes";

const codes = ["004", "643", "586", "156", "462", "048"]; // Afghanistan, Russia, Pakistan, China, and two small states

describe("the world's sprite and the page's layout", () => {
  it("the layout and the sprite put back together are the geometry the exporter draws", () => {
    const layout = mapLayout(codes, "/data/world/x.svg");
    expect(withShapes(layout, parseWorldSprite(worldSprite()))).toEqual(mapGeometry(codes));
  });

  it("the layout carries no outline, only names, centres and boxes", () => {
    const layout = mapLayout(codes, "/data/world/x.svg");
    const json = JSON.stringify(layout);
    expect(json).not.toMatch(/M-?\d+(\.\d+)?,-?\d+(\.\d+)?L/);
    expect(json.length).toBeLessThan(JSON.stringify(mapGeometry(codes)).length / 5);
    const russia = layout.features.find((f) => f.id === "643");
    // A box to zoom to (the region filter); small states are dots at their centres.
    expect(russia?.box?.[2]).toBeGreaterThan(russia?.box?.[0] ?? Infinity);
    expect(layout.markers.map((m) => m.id)).toEqual(expect.arrayContaining(["462", "048"]));
  });

  it("each outline has its id, no fill of its own, and a stroke that does not scale with the zoom", () => {
    const svg = worldSprite();
    expect(svg).not.toMatch(/\sfill=/);
    const shapes = parseWorldSprite(svg);
    expect(shapes.paths.get(spriteId("004"))).toMatch(/^M/);
    const paths = svg.match(/<path /g)?.length ?? 0;
    expect(svg.match(/vector-effect="non-scaling-stroke"/g)?.length).toBe(paths);
    expect(paths).toBe(shapes.paths.size + 2);
  });

  it("a file that is not the sprite is refused, and a layout alone cannot be drawn", () => {
    expect(() => parseWorldSprite("<svg><path id='c004' d='M0,0Z'/></svg>")).toThrow(/not the world's sprite/);
    expect(() => drawable(mapLayout(codes, "/x.svg"))).toThrow(/needs its outlines/);
    expect(() => withShapes(mapLayout(codes, "/x.svg"), { sphere: "M0", graticule: "M0", paths: new Map() })).toThrow(/no outline for/);
  });
});
