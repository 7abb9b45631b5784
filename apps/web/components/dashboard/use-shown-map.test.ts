import { StanceIndex } from "@stancemap/core/model";
import { describe, expect, it } from "vitest";
import type { CompactActor, DashboardData } from "@/lib/dashboard-data";
import { mapAt } from "@/lib/first-screen";
import { actor as anActor, categories, P, stance } from "@/lib/testing/stances";
import { createDateStore } from "./date-store";
import { shownMapInSteps } from "./shown-map-steps";
import { cellsAtFor, shownMapNow } from "./use-shown-map";

// Organisations unless the test says otherwise.
const actor = (slug: string, extra: Partial<CompactActor> = {}): CompactActor => anActor(slug, { kind: "organisation", ...extra });

const topic = {
  slug: P,
  title: "Posture",
  question: "?",
  categories: categories.map((c, i) => ({ ...c, colour: ["#112233", "#445566", "#778899"][i] as string })),
  qualifiers: [{ key: "lists-as-terrorist", label: "Lists as terrorist" }],
} satisfies DashboardData["topic"];

// More actors than one step takes (500), each with a stance history, some with a gap and none.
const actors = Array.from({ length: 1234 }, (_, i) => actor(`a${i}`, i % 7 === 0 ? { kind: "state", isoNumeric: String(100 + i) } : {}));
const keys = categories.map((c) => c.key);
const stances = actors.flatMap((a, i) =>
  i % 5 === 4
    ? []
    : [
        stance({ id: `${a.slug}-1`, actor: a.slug, category: keys[i % 3] as string, validFrom: "2021", attested: "2021-03-01" }),
        stance({
          id: `${a.slug}-2`,
          actor: a.slug,
          category: keys[(i + 1) % 3] as string,
          validFrom: i % 2 ? "2023-05-10" : null,
          attested: "2023-06-01",
          qualifiers: i % 11 === 0 ? ["lists-as-terrorist"] : [],
        }),
      ],
);
const data = {
  topic,
  gaps: actors.filter((_, i) => i % 10 === 4).map((a) => ({ actor: a.slug, note: "Not covered.", validUntil: "2022" })),
};
const index = new StanceIndex(stances, P);

describe("the dashboard's map over every actor", () => {
  it("worked out in steps, comes to what one pass over every actor gives", async () => {
    for (const date of ["2020-01-01", "2021-06-01", "2023-05-20", "2024-01-01"]) {
      const whole = mapAt(data, index, actors, date);
      const stepped = await shownMapInSteps(data, index, actors, date, () => false);
      expect(stepped?.map.legend).toEqual(whole.map.legend);
      expect(stepped?.map.qualifiers).toEqual(whole.map.qualifiers);
      expect([stepped?.map.noData, stepped?.map.uncertain, stepped?.map.attested]).toEqual([
        whole.map.noData,
        whole.map.uncertain,
        whole.map.attested,
      ]);
      expect(stepped?.byActor).toEqual(whole.byActor);
      expect(shownMapNow(data, index, actors, date).byActor).toEqual(whole.byActor);
    }
    // Some stances, some no data, a qualifier counted: the comparison is not of empty maps.
    const at = shownMapNow(data, index, actors, "2024-01-01");
    expect(at.map.noData).toBeGreaterThan(0);
    expect(at.map.legend.every((l) => l.count > 0)).toBe(true);
    expect(at.map.qualifiers[0]?.count).toBeGreaterThan(0);
    expect(at.stale).toBe([...at.byActor.values()].filter((c) => c.ageDays !== null && c.ageDays > 365).length);
  });

  it("stops at the first step after a newer date has come", async () => {
    let asked = 0;
    // No time budget: it hands the thread back after every step, and asks each time whether to go on.
    const stopped = await shownMapInSteps(data, index, actors, "2024-01-01", () => ++asked > 1, 0);
    expect(stopped).toBeNull();
    expect(asked).toBe(2);
  });
});

describe("the date store the map's fills follow", () => {
  it("tells its listeners of each new date, once, until they leave", () => {
    const store = createDateStore("2021-06-01");
    const at = cellsAtFor(data, index, actors);
    const heard: string[] = [];
    const stop = store.subscribe(() => heard.push(store.get()));
    expect(at(store.get()).get("a1")?.key).toBe("diplomatic-engagement");
    store.set("2023-06-02");
    store.set("2023-06-02");
    expect(heard).toEqual(["2023-06-02"]);
    expect(at(store.get()).get("a1")?.key).toBe("active-opposition");
    // The cells of some actors are those of the map over every actor.
    const some = actors.slice(0, 40);
    expect(cellsAtFor(data, index, some)(store.get())).toEqual(mapAt(data, index, some, store.get()).byActor);
    stop();
    store.set("2020-01-01");
    expect(heard).toEqual(["2023-06-02"]);
  });
});
