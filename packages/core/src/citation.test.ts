import { describe, expect, it } from "vitest";
import { citation, pinRevision } from "./citation";

describe("citation", () => {
  const input = {
    author: "Stancemap",
    title: "Posture toward the Taliban government",
    description: "world map as of 3 July 2025",
    revision: 5,
    publishedAt: "2026-12-06T09:12:00.000Z",
    accessed: "2026-12-07",
    url: "https://stancemap.example/?topic=posture-toward-taliban-government&date=2025-07-03&revision=5",
  };

  it("gives APA with the revision, its date, the access date in words and the pinned link", () => {
    expect(citation(input).apa).toBe(
      "Stancemap. (2026). Posture toward the Taliban government: world map as of 3 July 2025 [Data set, revision 5, published 6 December 2026]. Retrieved 7 December 2026, from https://stancemap.example/?topic=posture-toward-taliban-government&date=2025-07-03&revision=5",
    );
  });

  it("gives a BibTeX entry whose special characters are escaped", () => {
    const bib = citation({ ...input, title: "Rights & 100% {recognition}_now" }).bibtex;
    expect(bib).toMatch(/^@misc\{stancemap-r5-rights-100-recognition-now,\n/);
    expect(bib).toContain("title        = {{Rights \\& 100\\% \\{recognition\\}\\_now: world map as of 3 July 2025}},");
    expect(bib).toContain("version      = {5},");
    expect(bib).toContain(`url          = {${input.url}},`);
    expect(bib).toContain("urldate      = {2026-12-07},");
    expect(bib.trim().endsWith("}")).toBe(true);
  });

  it("says n.d. when the revision's date is unknown", () => {
    expect(citation({ ...input, publishedAt: null }).apa).toContain("Stancemap. (n.d.).");
  });
});

describe("pinRevision", () => {
  it("adds revision to the query, before a fragment, replacing an earlier one", () => {
    expect(pinRevision("https://a.example/?topic=t&date=2025-07-03", 3)).toBe("https://a.example/?topic=t&date=2025-07-03&revision=3");
    expect(pinRevision("https://a.example/actors/russia#topic-t", 3)).toBe("https://a.example/actors/russia?revision=3#topic-t");
    expect(pinRevision("/?revision=9&topic=t", 2)).toBe("/?revision=2&topic=t");
  });
});
