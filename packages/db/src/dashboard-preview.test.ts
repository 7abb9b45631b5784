// The admin preview's laying of drafts over published data (applyChanges) against the way it was done
// before, a filter and a sort of the whole list per change (kept here as the reference, with the same rows,
// previewRow): the same parts for random published data and random changes of every type, op and key.
import type { AnyRecord } from "@stancemap/core";
import { countsFrom, edtfFirstDay } from "@stancemap/core";
import { describe, expect, it } from "vitest";
import { applyChanges, type OpenChange, type PreviewParts, previewRow, recordOf } from "./dashboard-preview";

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function upsert<T>(list: T[], keyOf: (t: T) => string, key: string, value: T | null): T[] {
  const rest = list.filter((t) => keyOf(t) !== key);
  return value ? [...rest, value] : rest;
}

function reference(parts: PreviewParts, changes: OpenChange[]): PreviewParts {
  let p = { ...parts };
  // Sources and actors first: stances look up publishers and speakers' names.
  const order = ["source", "actor", "topic", "event", "stance", "gap", "reaction"];
  for (const c of [...changes].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))) {
    switch (c.type) {
      case "source": {
        const s = recordOf<"source">(c);
        p.sources = upsert(p.sources, (x) => x.id, c.key, s && previewRow.source(s));
        break;
      }
      case "actor": {
        const a = recordOf<"actor">(c);
        p.actors = upsert(p.actors, (x) => x.slug, c.key, a && previewRow.actor(a));
        break;
      }
      case "topic": {
        p.topics = upsert(p.topics, (x) => x.slug, c.key, recordOf<"topic">(c)).sort((a, b) => (a.slug < b.slug ? -1 : 1));
        break;
      }
      case "event": {
        const e = recordOf<"event">(c);
        p.events = upsert(p.events, (x) => x.slug, c.key, e && previewRow.event(e)).sort((a, b) =>
          byKey(`${edtfFirstDay(a.date)} ${a.slug}`, `${edtfFirstDay(b.date)} ${b.slug}`),
        );
        break;
      }
      case "stance": {
        const s = recordOf<"stance">(c);
        const onTopic = s && s.topic === p.topic ? s : null;
        const row =
          onTopic &&
          previewRow.stance(
            onTopic,
            (slug) => p.actors.find((a) => a.slug === slug)?.name,
            (id) => p.sources.find((x) => x.id === id)?.publisher,
          );
        p.stances = upsert(p.stances, (x) => x.id, c.key, row).sort((a, b) =>
          byKey(`${a.actor}\u0000${countsFrom(a)}\u0000${a.id}`, `${b.actor}\u0000${countsFrom(b)}\u0000${b.id}`),
        );
        break;
      }
      case "gap": {
        const [actor, topic] = c.key.split("~");
        if (topic !== p.topic) break;
        p.gaps = upsert(p.gaps, (x) => x.actor, actor ?? "", recordOf<"gap">(c)).sort((a, b) => byKey(a.actor, b.actor));
        break;
      }
      case "reaction": {
        if (!p.reactions) break;
        const x = recordOf<"reaction">(c);
        p.reactions = upsert(p.reactions, (y) => y.id, c.key, x && previewRow.reaction(x));
        break;
      }
    }
  }
  // Whatever points at a deleted actor goes with it in the preview, as publishing would require.
  const actors = new Set(p.actors.map((a) => a.slug));
  p = { ...p, stances: p.stances.filter((s) => actors.has(s.actor)), gaps: p.gaps.filter((g) => actors.has(g.actor)) };
  return p;
}

/** A small seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPIC = "posture";
const day = (n: number) => `2025-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`;

function world(r: () => number, size: number): { parts: PreviewParts; changes: OpenChange[] } {
  const pick = (n: number) => Math.floor(r() * n);
  const source = (i: number) => ({ id: `s${i}`, publisher: `P${i}`, title: `T${i}`, publishedOn: null, url: null });
  const actor = (i: number, name = `A${i}`) => ({
    slug: `a${i}`,
    name,
    kind: "state" as const,
    iso3: null,
    isoNumeric: null,
    region: null,
    affiliation: null,
    role: null,
    names: {},
    aliases: [],
  });
  const stance = (i: number) => ({
    id: `st${i}`,
    actor: `a${pick(size)}`,
    topic: TOPIC,
    category: `c${pick(3)}`,
    validFrom: r() < 0.5 ? day(pick(300)) : null,
    attested: day(pick(300)),
    validUntil: null,
    qualifiers: [],
    confidence: "high",
    quote: null,
    speaker: null,
    publisher: null,
    sources: [`s${pick(size)}`],
  });
  const parts = {
    topics: [
      { slug: TOPIC, title: "Posture" },
      { slug: "other", title: "Other" },
    ],
    topic: TOPIC,
    actors: Array.from({ length: size }, (_, i) => actor(i)),
    stances: Array.from({ length: size * 2 }, (_, i) => stance(i)).sort((a, b) =>
      byKey(`${a.actor}\u0000${countsFrom(a)}\u0000${a.id}`, `${b.actor}\u0000${countsFrom(b)}\u0000${b.id}`),
    ),
    gaps: [{ actor: "a1", topic: TOPIC, note: "none" }],
    events: [{ slug: "e0", date: "2025-07-03", title: "E", series: null, sources: ["s0"], actors: [] }],
    reactions: [
      {
        id: "r0",
        actor: "a0",
        target: { actor: "a1" },
        date: null,
        attested: "2025-07-04",
        sentiment: "positive",
        summary: "S",
        sources: ["s0"],
      },
    ],
    sources: Array.from({ length: size }, (_, i) => source(i)),
  } as unknown as PreviewParts;
  const changes: OpenChange[] = [];
  for (let n = 0; n < size * 3; n++) {
    const type = ["source", "actor", "topic", "event", "stance", "stance", "stance", "gap", "reaction"][pick(9)] as string;
    const i = pick(size * 2);
    const op = r() < 0.2 ? "delete" : "upsert";
    const quote = r() < 0.5 ? { text: `Q${n}`.repeat(30), speaker: { actor: `a${pick(size * 2)}` } } : undefined;
    const record: Record<string, unknown> = {
      source: { id: `s${i}`, publisher: `P${i}-${n}`, title: `T${n}` },
      actor: {
        ...actor(i, `A${i}-${n}`),
        iso3: undefined,
        aliases: [{ name: `x${n}`, kind: "short", ...(r() < 0.5 ? { lang: "en" } : {}) }],
      },
      topic: { slug: r() < 0.5 ? TOPIC : `t${i}`, title: `T${n}` },
      event: { slug: `e${i}`, date: day(n), title: `E${n}`, evidence: [{ source: `s${i}` }], actors: [`a${i}`, "a0"] },
      stance: {
        id: `st${i}`,
        actor: `a${pick(size * 2)}`,
        topic: r() < 0.8 ? TOPIC : "other",
        category: `c${n % 3}`,
        attested: day(n),
        ...(r() < 0.5 ? { validFrom: day(n + 7) } : {}),
        confidence: "high",
        evidence: [{ source: `s${pick(size * 2)}`, ...(quote ? { quote } : {}) }],
      },
      gap: { actor: `a${i}`, topic: TOPIC, note: `N${n}` },
      reaction: {
        id: `r${i}`,
        actor: `a${i}`,
        target: { actor: "a0" },
        attested: day(n),
        sentiment: "negative",
        summary: `S${n}`,
        evidence: [{ source: "s0" }],
      },
    };
    const key =
      type === "gap"
        ? `a${i}~${r() < 0.8 ? TOPIC : "other"}`
        : type === "topic"
          ? (record.topic as { slug: string }).slug
          : `${{ source: "s", actor: "a", event: "e", stance: "st", reaction: "r" }[type] ?? ""}${i}`;
    changes.push({ type, key, op, record: op === "delete" ? null : (record[type] as AnyRecord) });
  }
  return { parts, changes };
}

describe("the admin preview's drafts over published data", () => {
  it("gives the parts the per-change filter and sort gave, for random data and changes of every kind", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { parts, changes } = world(random(seed), 5 + (seed % 7) * 15);
      const before = structuredClone(parts);
      expect(applyChanges(parts, changes), `seed ${seed}`).toEqual(reference(parts, changes));
      expect(parts, "the published parts are left as they were").toEqual(before);
    }
  });

  it("leaves a list no change touched as it was given", () => {
    const { parts } = world(random(7), 20);
    const out = applyChanges(parts, [
      {
        type: "actor",
        key: "a3",
        op: "upsert",
        record: { slug: "a3", name: "New", kind: "state", names: {}, aliases: [] } as unknown as AnyRecord,
      },
    ]);
    expect(out.events).toBe(parts.events);
    expect(out.actors.at(-1)?.name).toBe("New");
  });
});
