// The change between two dates and the sequence, exported from the shipped dataset (prisma/dataset):
// Russia's move to formal recognition is the one change from 1 April to 3 July 2025, no attested-only
// posture is drawn or listed as a change, and the sequence takes the recognition as its reference.
import { describe, expect, it } from "vitest";
import { changeAltText, sequenceAltText } from "../alt-text";
import { MOVEMENT_COLOURS } from "../movement";
import { shippedData } from "../testing/shipped";
import { mapGeometry } from "../world";
import { exportModel, lagText } from ".";

const data = shippedData();
const geometry = mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
const TOPIC = data.topic.slug;
const o = { theme: "light" as const, width: 1200, height: 675, origin: "https://stancemap.example" };
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => (m[1] as string).replace(/&amp;/g, "&"));
const iso = (slug: string) => data.actors.find((a) => a.slug === slug)?.isoNumeric as string;
const fillOf = (svg: string, id: string) => new RegExp(`<path d="[^"]*" fill="([^"]+)"[^>]*data-id="${id}"`).exec(svg)?.[1];

describe("change between 1 April and 3 July 2025", () => {
  const model = exportModel("change", data, { topic: TOPIC, date: "2025-07-03", from: "2025-04-01" }, geometry);
  const svg = model.render(o);

  it("lists Russia's move toward formal recognition first, with its steps and sources", () => {
    const russia = model.rows[0];
    expect(russia).toMatchObject({
      actor: "russia",
      movement: "toward-first",
      is_change: "true",
      before_category: "diplomatic-engagement",
      after_category: "formal-recognition",
      after_since: "2025-07-03",
    });
    expect(String(russia?.steps)).toContain("3 July 2025: Formal recognition");
    expect(String(russia?.sources)).toContain("icwa-russia-taliban-recognition");
    expect(model.rows.filter((r) => r.movement === "toward-first" || r.movement === "toward-last").map((r) => r.actor)).toEqual(["russia"]);
  });

  it("lists no attested-only posture as a change, and says how many there are", () => {
    const attested = model.rows.filter((r) => r.movement === "attested-only");
    expect(attested.map((r) => r.actor)).toEqual(expect.arrayContaining(["pakistan", "united-arab-emirates", "qatar", "iran"]));
    expect(attested.every((r) => r.is_change === "false" && r.sources === "")).toBe(true);
    expect(model.defaults.subtitle).toContain(`${attested.length} attested only (start not stated), not changes`);
    // The picture: Russia in the move's colour; Pakistan in the attested-only grey; the legend counts both.
    expect(fillOf(svg, iso("russia"))).toBe(MOVEMENT_COLOURS["toward-first"]);
    expect(fillOf(svg, iso("pakistan"))).toBe(MOVEMENT_COLOURS["attested-only"]);
    const words = texts(svg);
    expect(words).toContain("Moved toward formal recognition (1)");
    expect(words).toContain(`Attested only: start not stated, not a change (${attested.length})`);
    expect(words.join(" ")).toContain("Attested only, start not stated, so not changes");
    expect(words.join(" ")).toContain("From diplomatic engagement without recognition to formal");
    // The list beside the map names no attested-only actor as a change.
    const listed = words.slice(
      words.findIndex((w) => w.startsWith("Changes,")),
      words.findIndex((w) => w.startsWith("Attested only,")),
    );
    expect(listed.join(" ")).not.toMatch(/Pakistan|United Arab Emirates|Qatar/);
  });

  it("says so when nothing changed, and its data and alt text are honest", () => {
    const quiet = exportModel("change", data, { topic: TOPIC, date: "2024-06-01", from: "2024-01-01" }, geometry);
    expect(quiet.rows.filter((r) => r.is_change === "true" && r.movement !== "uncertain")).toEqual([]);
    expect(texts(quiet.render(o)).join(" ")).toContain("Changes, 1 January 2024 to 1 June 2024 (1)");
    const alt = changeAltText({
      topic: data.topic.title,
      from: "2025-04-01",
      to: "2025-07-03",
      changes: model.rows
        .filter((r) => r.is_change === "true")
        .map((r) => ({
          name: String(r.name),
          movement: String(r.movement),
          label: String(r.movement_label),
          before: (r.before_category_label as string) ?? null,
          after: (r.after_category_label as string) ?? null,
        })),
      attestedOnly: model.rows.filter((r) => r.movement === "attested-only").length,
      unchanged: 1,
    });
    expect(alt).toMatch(
      /^Between 1 April 2025 and 3 July 2025, posture toward the Taliban government: Russia: moved toward formal recognition/,
    );
    expect(alt).toContain("only attested (start not stated), so not changes");
    expect(model.path).toBe(`/?topic=${TOPIC}&date=2025-07-03&from=2025-04-01&view=change`);
    expect(model.columns.map((c) => c.key)).toEqual(Object.keys(model.rows[0] ?? {}));
  });
});

describe("who followed whom", () => {
  const model = exportModel("sequence", data, { topic: TOPIC, date: "2025-07-10" }, undefined);
  const svg = model.render(o);

  it("takes Russia's recognition as the reference, with its steps since 1996", () => {
    expect(model.invalid).toBeNull();
    const russia = model.rows.filter((r) => r.actor === "russia");
    expect(russia.map((r) => [r.fact, r.date])).toEqual([
      ["move", "1996"],
      ["move", "2003"],
      ["move", "2017"],
      ["move", "2021-08-15"],
      ["move", "2025-04"],
      ["reference", "2025-07-03"],
    ]);
    expect(model.rows[0]?.order).toBe(1);
    expect(texts(svg)).toContain("Reference: Russia: formal recognition, 3 July 2025");
  });

  it("places the attested-only actors after it as attested, never as moves, with their lag", () => {
    const pakistan = model.rows.filter((r) => r.actor === "pakistan");
    expect(pakistan.filter((r) => r.fact === "move")).toEqual([]);
    expect(pakistan.find((r) => r.fact === "attested")).toMatchObject({
      date: "2025-07-03",
      lag_label: "+0 days",
      first_after_reference: "true",
    });
    expect(pakistan.find((r) => r.fact === "reaction")).toMatchObject({ lag_min: 0, lag_max: 2, lag_label: "+0–2 days" });
    const words = texts(svg);
    expect(words.filter((w) => w.startsWith("attested +")).length).toBeGreaterThanOrEqual(9);
    expect(words).toContain("Attested: start not stated, not a move");
    expect(model.defaults.subtitle).toContain("1 actor moved after it; 9 actors only attested after it (start not stated, so not moves)");
    expect(svg.match(/class="attested"/g)?.length).toBe(9);
  });

  it("refuses a reference that is no move, and takes a chosen one", () => {
    expect(exportModel("sequence", data, { topic: TOPIC, date: "2025-07-10", reference: "pakistan@2025-07-03" }).invalid?.parameter).toBe(
      "reference",
    );
    const chosen = exportModel("sequence", data, { topic: TOPIC, date: "2025-07-10", reference: "russia@2021-08-15" });
    expect(chosen.rows.find((r) => r.fact === "reference")?.date).toBe("2021-08-15");
    expect(chosen.path).toContain("reference=russia%402021-08-15");
  });

  it("writes lags at the precision of their dates", () => {
    expect(lagText({ days: 2, min: 2, max: 2 })).toBe("+2 days");
    expect(lagText({ days: 1, min: 1, max: 1 })).toBe("+1 day");
    expect(lagText({ days: 0, min: 0, max: 2 })).toBe("+0–2 days");
    expect(lagText({ days: -1418, min: -1418, max: 2 })).toBe("\u22121,418 to +2 days");
    expect(
      sequenceAltText({
        topic: data.topic.title,
        reference: "Russia: formal recognition, 3 July 2025",
        after: [{ name: "Pakistan", kind: "attested", lag: "+0 days" }],
      }),
    ).toBe(
      "Who followed whom on posture toward the Taliban government, against Russia: formal recognition, 3 July 2025: no actor moved after it; 1 actor only attested after it (start not stated, not moves): Pakistan (+0 days).",
    );
  });
});
