import { describe, expect, it } from "vitest";
import { parseCsvRecords, recordsToCsv } from "./csv-records";
import { Quote, Speaker, Stance } from "./schemas";
import { speakerLabel, speakerName, upgradeRecordSpeakers } from "./speaker";

const names: Record<string, string> = { pakistan: "Pakistan" };
const actorName = (slug: string) => names[slug];

const stance = {
  id: "pakistan-posture-2025-07-03",
  actor: "pakistan",
  topic: "posture-toward-taliban-government",
  category: "limited-engagement",
  attested: "2025-07-03",
  confidence: "high",
  summary: "Calls it a bilateral matter.",
  evidence: [{ source: "dawn", quote: { text: "a bilateral matter", speaker: "pakistan", language: "en" } }],
};

describe("a quote's speaker", () => {
  it("keeps a name as printed with its title, linked to an actor or not", () => {
    const linked = Quote.parse({
      text: "x",
      speaker: { name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" },
    });
    expect(linked.speaker).toEqual({ name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" });
    const free = Quote.parse({ text: "x", speaker: { name: "Mumtaz Zahra Baloch" } });
    expect(free.speaker).toEqual({ name: "Mumtaz Zahra Baloch" });
  });

  it("reads an actor's slug alone, the earlier form, as that actor with no printed name", () => {
    expect(Quote.parse({ text: "x", speaker: "pakistan" }).speaker).toEqual({ actor: "pakistan" });
  });

  it("refuses a speaker with neither a name nor an actor, and a malformed actor, naming the field", () => {
    const none = Quote.safeParse({ text: "x", speaker: { title: "Foreign Office spokesperson" } });
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => i.path.join("."))).toEqual(["speaker.name"]);
    const bad = Quote.safeParse({ text: "x", speaker: { name: "Mumtaz Zahra Baloch", actor: "Pakistan Foreign Office" } });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["speaker.actor"]);
    expect(Quote.safeParse({ text: "x", speaker: "Mumtaz Zahra Baloch" }).success).toBe(false);
  });

  it("is said as name, then title; by the actor's name when the source names only the actor", () => {
    expect(speakerLabel({ name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" }, actorName)).toBe(
      "Mumtaz Zahra Baloch, Foreign Office spokesperson",
    );
    expect(speakerLabel({ actor: "pakistan" }, actorName)).toBe("Pakistan");
    expect(speakerName({ actor: "unknown-actor" }, actorName)).toBe("unknown-actor");
    expect(speakerLabel({ name: "Mao Ning" })).toBe("Mao Ning");
  });

  it("upgrades a stored record's slug speakers and leaves a record in today's form as it is", () => {
    const upgraded = upgradeRecordSpeakers(stance);
    expect(upgraded.evidence[0]?.quote.speaker).toEqual({ actor: "pakistan" });
    expect(stance.evidence[0]?.quote.speaker).toBe("pakistan");
    expect(Stance.parse(upgraded)).toEqual(Stance.parse(stance));
    const current = Stance.parse(stance);
    expect(upgradeRecordSpeakers(current)).toBe(current);
    expect(upgradeRecordSpeakers(null)).toBeNull();
  });

  it("goes through CSV as name, title and actor columns, and an older sheet's speaker column still reads", () => {
    const named = Stance.parse({
      ...stance,
      evidence: [
        {
          source: "dawn",
          quote: {
            text: "a bilateral matter",
            speaker: { name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" },
          },
        },
      ],
    });
    const csv = recordsToCsv([named]);
    expect(csv.split("\r\n")[0]).toContain("evidence.0.quote.speaker.name,evidence.0.quote.speaker.title,evidence.0.quote.speaker.actor");
    expect(Stance.parse(parseCsvRecords(csv).rows[0]?.record)).toEqual(named);
    const older = recordsToCsv([stance]);
    expect(older.split("\r\n")[0]).toContain("evidence.0.quote.speaker,");
    expect(Stance.parse(parseCsvRecords(older).rows[0]?.record).evidence[0]?.quote?.speaker).toEqual({ actor: "pakistan" });
  });
});

describe("a speaker with a key it does not know", () => {
  it("is refused naming the key, `__proto__` included, rather than dropped", () => {
    for (const body of ['{"__proto__":{"a":1},"name":"b"}', '{"name":"b","role":"spokesperson"}']) {
      const parsed = Speaker.safeParse(JSON.parse(body));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
    expect(Speaker.safeParse({ name: "Mumtaz Zahra Baloch", title: "Foreign Office spokesperson", actor: "pakistan" }).success).toBe(true);
  });
});
