import { describe, expect, it } from "vitest";
import { actorAltText, mapAltText, networkAltText, timelineAltText, withAltText } from "./alt-text";

describe("alt text", () => {
  it("says the map's date, each category with its actors in scale order, no data and the cues", () => {
    const alt = mapAltText({
      topic: "Posture toward the Taliban government",
      date: "2025-07-03",
      groups: [
        { label: "Formal recognition", actors: ["Russia"] },
        {
          label: "Diplomatic engagement without recognition",
          actors: ["China", "India", "Iran", "Pakistan", "Qatar", "Turkey", "Uzbekistan"],
        },
        { label: "Limited engagement", actors: [] },
        { label: "Conditional non-recognition", actors: ["Germany", "United Nations"] },
      ],
      noData: 24,
      uncertain: 1,
      attested: 9,
    });
    expect(alt).toBe(
      "As of 3 July 2025, posture toward the Taliban government: formal recognition, 1 actor: Russia; " +
        "diplomatic engagement without recognition, 7 actors: China, India, Iran, Pakistan, Qatar, Turkey and 1 other; " +
        "conditional non-recognition, 2 actors: Germany and United Nations; no data for 24 actors. " +
        "1 stance uncertain at this date and 9 stances with no stated start, counted from the first report.",
    );
  });

  it("names a filter and says when nothing is shown", () => {
    expect(
      mapAltText({ topic: "Reaction", date: "2025-07", groups: [], noData: 0, uncertain: 0, attested: 0, filter: "region Oceania" }),
    ).toBe("As of July 2025, reaction (region Oceania): no actors shown.");
  });

  it("counts the network's actors and reactions by sentiment and names the most reacted-to", () => {
    const alt = networkAltText({
      date: "2025-07-10",
      sentiments: ["Supportive", "Neutral", "Concerned", "Critical"],
      reactions: [
        { actor: "China", target: "Russia's recognition", sentiment: "Supportive" },
        { actor: "Fawzia Koofi", target: "Russia's recognition", sentiment: "Critical" },
        { actor: "Pakistan", target: "Russia", sentiment: "Neutral" },
        { actor: "China", target: "Islamic Emirate", sentiment: "Supportive" },
      ],
    });
    expect(alt).toBe(
      "Up to 10 July 2025, 3 actors reacted 4 times: 2 supportive, 1 neutral and 1 critical. Most reacted to: Russia's recognition (2), Islamic Emirate (1) and Russia (1).",
    );
    expect(networkAltText({ date: "2021-09-01", sentiments: [], reactions: [] })).toBe("No reactions up to 1 September 2021.");
  });

  it("gives the timeline's span, its counts and the latest event and change", () => {
    const alt = timelineAltText({
      topic: "Posture toward the Taliban government",
      from: "2021-08-15",
      to: "2025-07-10",
      events: [
        { date: "2021-08", label: "Taliban take Kabul" },
        { date: "2025-07-03", label: "Russia recognises the Islamic Emirate." },
      ],
      changes: [{ date: "2025-07-03", label: "Russia: formal recognition" }],
    });
    expect(alt).toBe(
      "From 15 August 2021 to 10 July 2025, 2 events and 1 stance change on posture toward the Taliban government. " +
        "The latest event: 3 July 2025, Russia recognises the Islamic Emirate. The latest stance change: 3 July 2025, Russia: formal recognition.",
    );
  });

  it("walks an actor's stances in order, saying which have no stated start", () => {
    const alt = actorAltText({
      actor: "Russia",
      topic: "Posture toward the Taliban government",
      date: "2025-07-10",
      steps: [
        { label: "Diplomatic engagement without recognition", validFrom: "2021-08-15", attested: "2021-08-15" },
        { label: "Formal recognition", validFrom: "2025-07-03", attested: "2025-07-03" },
      ],
    });
    expect(alt).toBe(
      "Russia, posture toward the Taliban government, to 10 July 2025: diplomatic engagement without recognition from 15 August 2021; then formal recognition from 3 July 2025.",
    );
    expect(
      actorAltText({
        actor: "Qatar",
        topic: "Posture",
        date: "2025-07-10",
        steps: [{ label: "Limited engagement", validFrom: null, attested: "2025-07-06" }],
      }),
    ).toBe("Qatar, posture, to 10 July 2025: limited engagement, reported by 6 July 2025 (start not stated).");
    expect(actorAltText({ actor: "Chad", topic: "Posture", date: "2025-07-10", steps: [] })).toBe(
      "Chad, posture, to 10 July 2025: no stance recorded.",
    );
  });

  it("puts the alt text, escaped, first in the SVG's description", () => {
    const svg = '<svg><title id="export-title">T</title><desc id="export-desc">Legend: a.</desc></svg>';
    expect(withAltText(svg, "Russia & <China>")).toBe(
      '<svg><title id="export-title">T</title><desc id="export-desc">Russia &amp; &lt;China&gt; Legend: a.</desc></svg>',
    );
    expect(withAltText("<svg></svg>", "x")).toBe("<svg></svg>");
  });
});
