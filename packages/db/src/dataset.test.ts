import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stanceHistory } from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { datasetDir, loadDataset, loadSourceTexts } from "./dataset";
import { findRepoRoot } from "./env";

const dataset = loadDataset();
const texts = loadSourceTexts(dataset);
const actors = new Set(dataset.actors.map((a) => a.slug));

describe("the curated dataset", () => {
  it("quotes every source verbatim: each quote is found in the stored text of the source it cites", () => {
    const quotes = [...dataset.stances, ...dataset.reactions, ...dataset.events].flatMap((record) =>
      record.evidence.flatMap((e) => (e.quote ? [{ source: e.source, text: e.quote.text }] : [])),
    );
    expect(quotes.length).toBeGreaterThanOrEqual(10);
    const missing = quotes.filter((q) => !texts.get(q.source)?.includes(q.text));
    expect(missing).toEqual([]);
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
