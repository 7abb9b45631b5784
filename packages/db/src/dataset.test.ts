import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stanceHistory } from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { datasetDir, loadDataset, loadSourceTexts } from "./dataset";
import { fragmentProblems, occursOnWordBoundaries, quotedFragments, quoteProblems } from "./dataset-quotes";
import { findRepoRoot } from "./env";

const dataset = loadDataset();
const texts = loadSourceTexts(dataset);
const actors = new Set(dataset.actors.map((a) => a.slug));

describe("the curated dataset", () => {
  it("quotes every source verbatim: each quote is in the stored text of the source it cites, on word boundaries", () => {
    const quotes = [...dataset.stances, ...dataset.reactions, ...dataset.events].flatMap((record) =>
      record.evidence.filter((e) => e.quote && texts.has(e.source)),
    );
    expect(quotes.length).toBeGreaterThanOrEqual(10);
    expect(quoteProblems(dataset, texts)).toEqual([]);
  });

  it("quotes the sources in its prose too: every quoted fragment of two words or more is in a text the record rests on", () => {
    expect(fragmentProblems(dataset, texts)).toEqual([]);
  });

  it("ships the source documents themselves, unchanged", () => {
    const shared = join(findRepoRoot(), "..", "shared", "sources");
    const stored = readdirSync(join(datasetDir(), "texts")).map((f) => readFileSync(join(datasetDir(), "texts", f), "utf8"));
    expect(stored).toHaveLength(5);
    if (!existsSync(shared)) return; // a newcomer's clone has only the project's copies
    const originals = readdirSync(shared).map((f) => readFileSync(join(shared, f), "utf8"));
    expect(stored.sort()).toEqual(originals.sort());
  });

  it("holds the actors the product is about, at least 25", () => {
    expect(dataset.actors.length).toBeGreaterThanOrEqual(25);
    for (const slug of [
      "russia",
      "china",
      "pakistan",
      "united-states",
      "united-nations",
      "iran",
      "united-arab-emirates",
      "uzbekistan",
      "qatar",
      "germany",
    ]) {
      expect(actors, slug).toContain(slug);
    }
    for (const slug of [
      "afghanistan-freedom-front",
      "afghan-womens-political-participation-network",
      "fawzia-koofi",
      "naseer-ahmad-faiq",
      "nasir-andisha",
      "rangin-dadfar-spanta",
    ]) {
      expect(actors, slug).toContain(slug);
    }
  });

  it("gives every listed state a stance or an explicit no-data note on both topics", () => {
    const states = dataset.actors.filter((a) => a.kind === "state");
    for (const topic of dataset.topics) {
      for (const state of states) {
        const covered =
          dataset.stances.some((s) => s.actor === state.slug && s.topic === topic.slug) ||
          dataset.gaps.some((g) => g.actor === state.slug && g.topic === topic.slug);
        expect(covered, `${state.slug} on ${topic.slug}`).toBe(true);
      }
    }
  });

  it("traces Russia from engagement in 2021 through delisting in April 2025 to recognition on 3 July 2025", () => {
    const steps = stanceHistory(dataset.stances, "russia", "posture-toward-taliban-government");
    const from2021 = steps.filter((s) => s.from >= "2021-08-01").map((s) => [s.from.slice(0, 7), s.stance.category]);
    expect(from2021).toEqual([
      ["2021-08", "diplomatic-engagement"],
      ["2025-04", "diplomatic-engagement"],
      ["2025-07", "formal-recognition"],
    ]);
    expect(steps.at(-1)?.from).toBe("2025-07-03");
  });

  it("has the eleven-step Russia–Taliban timeline from August 2021 to July 2025", () => {
    const series = dataset.events.filter((e) => e.series === "russia-taliban-engagement-2021-2025");
    expect(series).toHaveLength(11);
    expect(series.map((e) => e.date).sort()[0]).toBe("2021-08-15");
    expect(
      series
        .map((e) => e.date)
        .sort()
        .at(-1),
    ).toBe("2025-07-03");
  });

  it("dates and names every source, and gives endnote sources their address", () => {
    const cited = new Set([...dataset.stances, ...dataset.reactions, ...dataset.events].flatMap((r) => r.evidence.map((e) => e.source)));
    for (const source of dataset.sources) {
      expect(source.publisher.length).toBeGreaterThan(0);
      expect(source.publishedOn ?? source.dateNote, `${source.id} has a date or a note on its date`).toBeTruthy();
      if (source.citedIn) expect(source.url ?? source.reliability, source.id).toBeTruthy();
    }
    for (const id of cited) expect(dataset.sources.some((s) => s.id === id)).toBe(true);
  });
});

describe("the dataset's quote checks", () => {
  it('find a one-word quote only where it stands as a word: "ally" is not in "formally"', () => {
    expect(occursOnWordBoundaries("Russia formally recognised them", "ally")).toBe(false);
    expect(occursOnWordBoundaries('referred to the Taliban as an "ally" in counterterrorism', "ally")).toBe(true);
    expect(occursOnWordBoundaries("the allies met", "ally")).toBe(false);
    expect(occursOnWordBoundaries("this brave decision will be an example for others.", "decision will be an example for others.")).toBe(
      true,
    );
    expect(occursOnWordBoundaries("indecision will be", "decision will be")).toBe(false);
  });

  it("report an evidence quote that its source holds only inside a longer word", () => {
    const putin = dataset.reactions.find((r) => r.id === "putin-calls-taliban-allies-against-terrorism-2024-07");
    const ally = putin?.evidence.findIndex((e) => e.quote?.text === "ally") ?? -1;
    expect(ally).toBeGreaterThanOrEqual(0);
    // The ICWA paper has "ally" only inside "formally" and "officially": a plain substring test would pass this.
    expect(texts.get("icwa-russia-taliban-recognition")).toContain("formally");
    const moved = structuredClone(dataset);
    const evidence = moved.reactions.find((r) => r.id === putin?.id)?.evidence[ally];
    if (!evidence) throw new Error("no evidence to move");
    evidence.source = "icwa-russia-taliban-recognition";
    expect(quoteProblems(moved, texts)).toEqual([
      { record: "reaction putin-calls-taliban-allies-against-terrorism-2024-07", source: "icwa-russia-taliban-recognition", quote: "ally" },
    ]);
  });

  it("take quoted fragments of two words or more from prose, in curly or straight quotes, and not apostrophes", () => {
    expect(
      quotedFragments("Russia's 'strategic hedging', the envoys' “new phase of positive relations” and \"lose-lose\"; a 'failure'."),
    ).toEqual(["new phase of positive relations", "strategic hedging"]);
    expect(quotedFragments("called it ‘a historic step’ and the Taliban’s 'self-declared Emirate'")).toEqual([
      "a historic step",
      "self-declared Emirate",
    ]);
  });

  it("report a quoted fragment that no source the record cites contains, even when another source does", () => {
    const changed = structuredClone(dataset);
    const pakistan = changed.stances.find((s) => s.id === "pakistan-posture-2025-07-03");
    if (!pakistan) throw new Error("no Pakistan stance");
    // "gender apartheid" is in document 004, which this stance does not cite; the second phrase is in no source.
    pakistan.summary = "Pakistan spoke of 'gender apartheid' and of 'a partnership of equals'.";
    expect(fragmentProblems(changed, texts)).toEqual([
      { record: "stance pakistan-posture-2025-07-03", field: "summary", fragment: "gender apartheid" },
      { record: "stance pakistan-posture-2025-07-03", field: "summary", fragment: "a partnership of equals" },
    ]);
    const gap = changed.gaps[0];
    if (!gap) throw new Error("no gap");
    gap.note = "The sources say 'nothing at all' about it.";
    expect(fragmentProblems(changed, texts)).toContainEqual({
      record: `gap ${gap.actor}/${gap.topic}`,
      field: "note",
      fragment: "nothing at all",
    });
  });
});
