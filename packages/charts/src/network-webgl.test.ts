import { buildReactionGraph } from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { buildScene, SVG_MAX_EDGES } from "./network-scene";
import { edgeOpacity, rgba, webglGraphData, webglHighlight, webglShape } from "./network-webgl";

const actors = [
  { slug: "pakistan", name: "Pakistan", kind: "state" },
  { slug: "fawzia-koofi", name: "Fawzia Koofi", kind: "person" },
  { slug: "sco", name: "Shanghai Cooperation Organisation", kind: "organisation" },
];
const events = [{ slug: "recognition", title: "Russia recognises the Islamic Emirate", date: "2025-07-03" }];
const reactions = [
  { id: "r1", actor: "pakistan", target: { event: "recognition" }, date: "2025-07-05", attested: "2025-07-05", sentiment: "neutral" },
  { id: "r2", actor: "fawzia-koofi", target: { event: "recognition" }, date: "2025-07-05", attested: "2025-07-05", sentiment: "critical" },
  { id: "r3", actor: "pakistan", target: { actor: "fawzia-koofi" }, date: "2025-07-06", attested: "2025-07-06", sentiment: "concerned" },
  { id: "r4", actor: "sco", target: { event: "recognition" }, date: "2025-07-07", attested: "2025-07-07", sentiment: "supportive" },
];
const dates = new Map(events.map((e) => [e.slug, e.date]));
const scene = buildScene(buildReactionGraph({ actors, events, reactions }), dates);

describe("the network for WebGL", () => {
  it("keys nodes by scene id and edges by reaction id, from the reacting actor to its target", () => {
    const data = webglGraphData(scene);
    expect(data.nodes.map((n) => n.key)).toEqual(scene.nodes.map((n) => n.id));
    expect(data.nodes.map((n) => n.attributes.index)).toEqual([0, 1, 2, 3]);
    const r2 = data.edges.find((e) => e.key === "r2");
    expect(r2).toMatchObject({ source: "actor:fawzia-koofi", target: "event:recognition" });
    expect(scene.edges[r2?.attributes.index ?? -1]?.id).toBe("r2");
    // The critical vermillion at the opacity of a small graph.
    expect(r2?.attributes.colour).toBe("rgba(213,94,0,0.7)");
  });

  it("draws kinds in sigma's shapes, an event's hexagon as a circle", () => {
    const shapes = new Map(webglGraphData(scene).nodes.map((n) => [n.key, n.attributes.shape]));
    expect(shapes.get("actor:pakistan")).toBe("square");
    expect(shapes.get("actor:fawzia-koofi")).toBe("circle");
    expect(shapes.get("actor:sco")).toBe("diamond");
    expect(shapes.get("event:recognition")).toBe("circle");
    expect(webglShape("triangle")).toBe("triangle");
  });

  it("fades edges as they multiply, never below a floor", () => {
    expect(edgeOpacity(100)).toBe(0.7);
    expect(edgeOpacity(20_000)).toBeLessThan(edgeOpacity(5_000));
    expect(edgeOpacity(100_000)).toBe(0.12);
    expect(rgba("#fff", 0.5)).toBe("rgba(255,255,255,0.5)");
    expect(rgba("currentColor", 0.5)).toBe("currentColor");
  });

  it("lights up a hovered node, its neighbours and its edges, and nothing for no node", () => {
    const pakistan = scene.nodes.find((n) => n.slug === "pakistan")?.index ?? -1;
    const lit = webglHighlight(scene, pakistan);
    expect([...(lit?.nodes ?? [])].map((i) => scene.nodes[i]?.slug).sort()).toEqual(["fawzia-koofi", "pakistan", "recognition"]);
    expect([...(lit?.edges ?? [])].map((i) => scene.edges[i]?.id).sort()).toEqual(["r1", "r3"]);
    expect(webglHighlight(scene, null)).toBeNull();
    expect(webglHighlight(scene, 99)).toBeNull();
  });

  it("is what a graph past the SVG limit is drawn with", () => {
    expect(scene.renderer).toBe("svg");
    const many = Array.from({ length: SVG_MAX_EDGES + 1 }, (_, i) => ({ ...reactions[0], id: `m${i}` }) as (typeof reactions)[number]);
    expect(buildScene(buildReactionGraph({ actors, events, reactions: many }), dates).renderer).toBe("webgl");
  });
});
