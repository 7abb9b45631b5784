// The page's server lays a small network out as the dashboard's worker would (settledLayout), and the
// dashboard adopts that layout only for the very graph it was made for (sceneKey).
import { describe, expect, it } from "vitest";
import { reactionScene, SETTLED_MAX_NODES, sceneKey, settledLayout, settleNetwork } from ".";

const actors = Array.from({ length: 12 }, (_, i) => ({ slug: `a${i}`, name: `Actor ${i}`, kind: i % 2 ? "state" : "person" }));
const events = [{ slug: "recognition", title: "Recognition", date: "2025-07-03" }];
const reactions = actors.slice(1).map((a, i) => ({
  id: `r${i}`,
  actor: a.slug,
  target: i % 3 ? { actor: "a0" } : { event: "recognition" },
  date: `2025-07-${String(4 + i).padStart(2, "0")}`,
  attested: "2025-07-20",
  sentiment: i % 2 ? "critical" : "supportive",
}));
const scene = (date = "2025-07-31", sentiments: string[] = []) => reactionScene({ actors, events, reactions, date, sentiments, kinds: [] });

describe("a network laid out where the page is rendered", () => {
  it("is the worker's settled layout (settleNetwork from the seeded start), to a hundredth", () => {
    const s = scene();
    const laid = settledLayout(s);
    expect(laid?.key).toBe(sceneKey(s));
    const exact = settleNetwork(
      s.nodes,
      s.edges.map((e) => ({ source: e.s, target: e.t })),
    );
    expect(laid?.positions).toHaveLength(s.nodes.length * 2);
    exact.forEach((p, i) => {
      expect(Math.abs((laid?.positions[2 * i] as number) - p.x)).toBeLessThanOrEqual(0.005);
      expect(Math.abs((laid?.positions[2 * i + 1] as number) - p.y)).toBeLessThanOrEqual(0.005);
    });
  });

  it("is keyed by its graph: another date or filter is another key, the same graph the same key", () => {
    expect(sceneKey(scene())).toBe(sceneKey(scene()));
    expect(sceneKey(scene("2025-07-08"))).not.toBe(sceneKey(scene()));
    expect(sceneKey(scene("2025-07-31", ["critical"]))).not.toBe(sceneKey(scene()));
  });

  it("is left to the browser past SETTLED_MAX_NODES, and for an empty graph", () => {
    const many = Array.from({ length: SETTLED_MAX_NODES + 1 }, (_, i) => ({ id: `n${i}`, r: 5 }));
    expect(settledLayout({ nodes: many, edges: [] })).toBeNull();
    expect(settledLayout({ nodes: [], edges: [] })).toBeNull();
  });
});
