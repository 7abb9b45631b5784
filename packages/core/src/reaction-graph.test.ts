import { describe, expect, it } from "vitest";
import { buildReactionGraph } from "./reaction-graph";

const actors = [
  { slug: "koofi", name: "Fawzia Koofi", kind: "person" },
  { slug: "muttaqi", name: "Amir Khan Muttaqi", kind: "person" },
  { slug: "russia", name: "Russia", kind: "state" },
];
const events = [{ slug: "recognition", title: "Russia recognises the Islamic Emirate", date: "2025-07-03" }];
const reactions = [
  { id: "a", actor: "koofi", target: { event: "recognition" }, date: "2025-07-05", attested: "2025-07-05", sentiment: "critical" },
  { id: "b", actor: "muttaqi", target: { event: "recognition" }, date: "2025-07-03", attested: "2025-07-03", sentiment: "supportive" },
  { id: "c", actor: "muttaqi", target: { actor: "russia" }, date: "2025-07-03", attested: "2025-07-03", sentiment: "supportive" },
];

describe("buildReactionGraph", () => {
  it("makes a directed edge from the reacting actor to its target and counts activity", () => {
    const g = buildReactionGraph({ actors, events, reactions });
    expect(g.edges.find((e) => e.id === "a")).toMatchObject({ source: "actor:koofi", target: "event:recognition", sentiment: "critical" });
    const muttaqi = g.nodes.find((n) => n.id === "actor:muttaqi");
    expect(muttaqi).toMatchObject({ outDegree: 2, inDegree: 0, degree: 2 });
    expect(g.nodes.find((n) => n.id === "event:recognition")?.inDegree).toBe(2);
  });

  it("filters by sentiment, date and reacting actor's kind, dropping nodes left without edges", () => {
    const g = buildReactionGraph({ actors, events, reactions, filter: { sentiments: ["critical"], to: "2025-07-31" } });
    expect(g.edges.map((e) => e.id)).toEqual(["a"]);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(["actor:koofi", "event:recognition"]);
    expect(buildReactionGraph({ actors, events, reactions, filter: { kinds: ["state"] } }).edges).toEqual([]);
    expect(buildReactionGraph({ actors, events, reactions, filter: { from: "2025-07-04" } }).edges.map((e) => e.id)).toEqual(["a"]);
  });

  it("counts a reaction from the first day of its date, and an undated one from when it is first reported", () => {
    const coarse = [
      {
        id: "window",
        actor: "koofi",
        target: { event: "recognition" },
        date: "2025-07-03/2025-07-05",
        attested: "2025-07-05",
        sentiment: "critical",
      },
      { id: "undated", actor: "russia", target: { actor: "muttaqi" }, date: null, attested: "2025-07-06", sentiment: "supportive" },
    ];
    const upTo = (to: string) => buildReactionGraph({ actors, events, reactions: coarse, filter: { to } }).edges.map((e) => e.id);
    expect(upTo("2025-07-02")).toEqual([]);
    expect(upTo("2025-07-03")).toEqual(["window"]);
    expect(upTo("2025-07-06")).toEqual(["window", "undated"]);
    const undated = buildReactionGraph({ actors, events, reactions: coarse }).edges.find((e) => e.id === "undated");
    expect(undated).toMatchObject({ date: null, attested: "2025-07-06" });
  });
});
