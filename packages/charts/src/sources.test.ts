import { describe, expect, it } from "vitest";
import { publicTitle, publisherName, publisherShort, sourceLine } from "./sources";

// The shipped dataset's publisher fields, as stored.
const ICWA = "Indian Council of World Affairs";
const all = [
  { id: "icwa", publisher: ICWA },
  { id: "viewpoint", publisher: "Indian Council of World Affairs (ICWA Viewpoint)", citedIn: "icwa" },
  { id: "aj", publisher: "Al Jazeera", citedIn: "icwa" },
  { id: "aj2", publisher: "Al Jazeera", citedIn: "icwa" },
  { id: "bbc", publisher: "BBC", citedIn: "icwa" },
  { id: "mofa", publisher: "Ministry of Foreign Affairs – Afghanistan (@MoFA_Afg on X)", citedIn: "icwa" },
  { id: "news-0", publisher: "Publisher not named in the stored text" },
  { id: "news-1", publisher: "Publisher not named in the stored text" },
  { id: "reuters", publisher: "Reuters" },
];

describe("source line", () => {
  it("names publishers once, endnote sources via the paper citing them, and no curator's note", () => {
    const line = sourceLine(all, all);
    expect(line).toEqual([
      ICWA,
      "Reuters",
      "Al Jazeera, BBC, Ministry of Foreign Affairs – Afghanistan via ICWA",
      "2 unattributed reports",
    ]);
    const text = line.join("; ");
    expect(text).not.toMatch(/not named|descriptive/i);
    expect(text.match(/Al Jazeera/g)).toHaveLength(1);
  });

  it("keeps the same order whatever order the sources come in", () => {
    expect(sourceLine([...all].reverse(), all)).toEqual(sourceLine(all, all));
  });

  it("names a publisher read directly only once, not also via another", () => {
    expect(sourceLine([{ id: "x", publisher: "Al Jazeera" }, all[2] as (typeof all)[number]], all)).toEqual(["Al Jazeera"]);
  });

  it("derives a short form from the data: an acronym the publisher is known by, else its initials", () => {
    expect(
      publisherShort(
        ICWA,
        all.map((s) => s.publisher),
      ),
    ).toBe("ICWA");
    expect(publisherShort("United Nations Assistance Mission")).toBe("UNAM");
    expect(publisherShort("Al Jazeera")).toBe("Al Jazeera");
  });

  it("leaves out editors' notes from publishers and titles", () => {
    expect(publisherName("Publisher not named in the stored text")).toBeNull();
    expect(publisherName("The Khaama Press")).toBe("The Khaama Press");
    expect(
      publicTitle("Russia's formal recognition of the Taliban regime (descriptive title: the paper's own title is not in the stored text)"),
    ).toBe("Russia's formal recognition of the Taliban regime");
    expect(publicTitle("X post of 3 July 2025 on the ambassador's call (no title; descriptive)")).toBe(
      "X post of 3 July 2025 on the ambassador's call",
    );
  });
});
