import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  compareEdtf,
  formatEdtf,
  gapReason,
  isoDay,
  occursOnWordBoundaries,
  parseEdtf,
  stanceAt,
  stanceChanges,
  stanceHistory,
} from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { datasetDir, loadDataset, loadSourceTexts } from "./dataset";
import { fragmentProblems, quotedFragments, quoteProblems, speakerProblems } from "./dataset-quotes";
import { findRepoRoot } from "./env";

const dataset = loadDataset();
const texts = loadSourceTexts(dataset);
const actors = new Set(dataset.actors.map((a) => a.slug));
const POSTURE = "posture-toward-taliban-government";

describe("the curated dataset", () => {
  it("quotes every source verbatim: each quote is in the stored text of the source it cites, on word boundaries", () => {
    const quotes = [...dataset.stances, ...dataset.reactions, ...dataset.events].flatMap((record) =>
      record.evidence.filter((e) => e.quote && texts.has(e.source)),
    );
    expect(quotes.length).toBeGreaterThanOrEqual(10);
    expect(quoteProblems(dataset, texts)).toEqual([]);
  });

  it("names each quote's speaker as its source prints them, linked to the actor", () => {
    const quotes = [...dataset.stances, ...dataset.reactions, ...dataset.events].flatMap((r) =>
      r.evidence.flatMap((e) => (e.quote ? [e.quote] : [])),
    );
    expect(quotes.every((q) => q.speaker.name !== undefined && q.speaker.actor !== undefined && actors.has(q.speaker.actor))).toBe(true);
    expect(quotes.map((q) => q.speaker)).toContainEqual({ name: "Mao Ning", title: "Foreign Ministry Spokesperson", actor: "mao-ning" });
    expect(speakerProblems(dataset, texts)).toEqual([]);
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

  it("takes every alias that cites a source from that source: its stored text (on word boundaries), else its publisher's name", () => {
    const sources = new Map(dataset.sources.map((s) => [s.id, s]));
    const cited = dataset.actors.flatMap((a) => a.aliases.filter((x) => x.source).map((x) => ({ actor: a.slug, ...x })));
    expect(cited.length).toBeGreaterThanOrEqual(5);
    const unsupported = cited.filter((x) => {
      const text = texts.get(x.source as string);
      return text ? !occursOnWordBoundaries(text, x.name) : !sources.get(x.source as string)?.publisher.includes(x.name);
    });
    expect(unsupported).toEqual([]);
    // The Taliban government answers to the names the sources and its description use.
    const iea = dataset.actors.find((a) => a.slug === "islamic-emirate-of-afghanistan");
    expect(iea?.aliases.map((x) => x.name)).toEqual(expect.arrayContaining(["Taliban", "IEA"]));
    expect(iea?.description).toContain("(IEA)");
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

  it("traces Russia from opposition through its terrorist listing and engagement to the April 2025 delisting and recognition", () => {
    const changes = stanceChanges(dataset.stances, POSTURE).filter((c) => c.actor === "russia");
    expect(changes.map((c) => [c.date, c.kind, c.to?.category, c.to?.qualifiers])).toEqual([
      ["1996", "began", "active-opposition", []],
      ["2003", "changed", "active-opposition", ["lists-taliban-as-terrorist"]],
      ["2017", "changed", "limited-engagement", ["lists-taliban-as-terrorist"]],
      ["2021-08-15", "changed", "diplomatic-engagement", ["lists-taliban-as-terrorist"]],
      ["2025-04", "changed", "diplomatic-engagement", []],
      ["2025-07-03", "changed", "formal-recognition", []],
    ]);
  });

  it("shows the April 2025 delisting as a change: same category as before, without the terrorist-list qualifier", () => {
    const april = dataset.stances.find((s) => s.actor === "russia" && s.topic === POSTURE && s.validFrom === "2025-04");
    const steps = stanceHistory(dataset.stances, "russia", POSTURE);
    const i = steps.findIndex((step) => step.stance === april);
    const before = steps[i - 1]?.stance;
    expect(april?.category).toBe(before?.category);
    expect(before?.qualifiers).toEqual(["lists-taliban-as-terrorist"]);
    expect(april?.qualifiers).toEqual([]);
    const change = stanceChanges(dataset.stances, POSTURE).find((c) => c.to === april);
    expect(change?.qualifiersChanged).toBe(true);
    expect(formatEdtf(change?.date)).toBe("April 2025");
  });

  it("dates China's engagement to 2023 only: uncertain inside 2023, absent before it", () => {
    const china = dataset.stances.find((s) => s.actor === "china" && s.topic === POSTURE);
    expect(china?.validFrom).toBe("2023");
    expect(stanceAt(dataset.stances, "china", POSTURE, "2023-06-01")?.uncertain).toBe(true);
    expect(stanceAt(dataset.stances, "china", POSTURE, "2024-01-01")?.uncertain).toBe(false);
    expect(stanceAt(dataset.stances, "china", POSTURE, "2022-12-31")).toBeNull();
  });

  it("keeps Pakistan's start unstated, attested on 3 July 2025, and lists only Russia's recognition as that day's change", () => {
    const pakistan = dataset.stances.find((s) => s.actor === "pakistan" && s.topic === POSTURE);
    expect(pakistan?.validFrom).toBeUndefined();
    expect(pakistan?.attested).toBe("2025-07-03");
    expect(stanceAt(dataset.stances, "pakistan", POSTURE, "2025-07-03")?.basis).toBe("attested");
    const onTheDay = stanceChanges(dataset.stances, POSTURE).filter((c) => parseEdtf(c.date).first === "2025-07-03");
    expect(onTheDay.map((c) => [c.actor, c.to?.category])).toEqual([["russia", "formal-recognition"]]);
  });

  it("gives Kabulov's undated remarks and the undated measures no date, only when they were first reported", () => {
    const kabulov = dataset.reactions.find((r) => r.actor === "zamir-kabulov");
    expect(kabulov?.date).toBeUndefined();
    expect(kabulov?.attested).toBe("2025-07-03");
    const failure = dataset.reactions.find((r) => r.id === "russia-calls-withdrawal-a-failure");
    expect(failure?.date).not.toBe("2025-07-03");
    for (const r of dataset.reactions) {
      if (r.date) expect(parseEdtf(r.attested).last >= parseEdtf(r.date).first, r.id).toBe(true);
    }
  });

  it("dates no stance from the day an undated report appeared: every stance without a stated start is attested only", () => {
    const attestedOnly = dataset.stances.filter((s) => !s.validFrom);
    expect(attestedOnly.length).toBeGreaterThanOrEqual(8);
    for (const s of dataset.stances) {
      expect(parseEdtf(s.attested).first >= parseEdtf(s.validFrom ?? s.attested).first, s.id).toBe(true);
    }
  });

  it("gives every state, at every checked date, a stance or a reason drawn from the sources: an editor's note or its first attestation", () => {
    const states = dataset.actors.filter((a) => a.kind === "state");
    const unexplained: string[] = [];
    for (const date of ["2021-01-01", "2023-06-01", "2025-07-02", "2025-07-03", isoDay(new Date())]) {
      for (const topic of dataset.topics) {
        for (const state of states) {
          if (stanceAt(dataset.stances, state.slug, topic.slug, date)) continue;
          const gap = dataset.gaps.find((g) => g.actor === state.slug && g.topic === topic.slug);
          const why = gapReason({ actor: state.slug, topic: topic.slug, date, stances: dataset.stances, gap });
          if (why.kind !== "note" && why.kind !== "before-first")
            unexplained.push(`${state.slug} on ${topic.slug} at ${date}: ${why.kind}`);
        }
      }
    }
    expect(unexplained).toEqual([]);
  });

  it("explains with an editor's note, not only the derived reason, why the postures stated at the recognition have no earlier stance", () => {
    for (const actor of ["pakistan", "united-states", "iran", "united-arab-emirates", "uzbekistan", "qatar", "united-nations", "china"]) {
      const gap = dataset.gaps.find((g) => g.actor === actor && g.topic === POSTURE);
      const date = actor === "china" ? "2022-06-01" : "2023-06-01";
      const why = gapReason({ actor, topic: POSTURE, date, stances: dataset.stances, gap });
      expect(why.kind, actor).toBe("note");
    }
  });

  it("has the eleven-step Russia–Taliban timeline from 15 August 2021 to 3 July 2025", () => {
    const series = dataset.events.filter((e) => e.series === "russia-taliban-engagement-2021-2025");
    expect(series).toHaveLength(11);
    const dates = series.map((e) => e.date).sort(compareEdtf);
    expect([dates[0], dates.at(-1)]).toEqual(["2021-08-15", "2025-07-03"]);
    expect(dates.map((d) => formatEdtf(d))).toContain("September 2022");
  });

  it("gives events and reactions their dates at the sources' precision, never a first of the month or year they do not state", () => {
    const dateOf = (slug: string) => dataset.events.find((e) => e.slug === slug)?.date;
    expect(dateOf("taliban-delegation-at-st-petersburg-forum-2022")).toBe("2022");
    expect(dateOf("moscow-concert-hall-attack-2024-03")).toBe("2024-03");
    expect(formatEdtf(dateOf("moscow-concert-hall-attack-2024-03"))).toBe("March 2024");
    expect(dataset.sources.find((s) => s.id === "al-jazeera-moscow-concert-hall-attack")?.publishedOn).toBe("2024-03-23");
    const failure = dataset.reactions.find((r) => r.id === "russia-calls-withdrawal-a-failure");
    expect(failure?.date).toBe("2021-08/2025-07-03");
    for (const d of [...dataset.events.map((e) => e.date), ...dataset.reactions.flatMap((r) => (r.date ? [r.date] : []))]) {
      expect(/^\d{4}-(01-01|\d{2}-01)$/.test(d), d).toBe(false);
    }
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
