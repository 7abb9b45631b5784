import { describe, expect, it } from "vitest";
import { foldForSearch, matchActor, searchActors } from "./actor-search";
import { Actor, ActorsQuery } from "./schemas";

const iea = {
  slug: "islamic-emirate-of-afghanistan",
  name: "Islamic Emirate of Afghanistan",
  iso3: "AFG",
  names: [{ name: "امارت اسلامی افغانستان", lang: "prs", dir: "rtl" as const }],
  aliases: [
    { name: "Taliban", kind: "alias" as const },
    { name: "IEA", kind: "abbreviation" as const },
  ],
};
const actors = [
  iea,
  { slug: "islamic-emirate-foreign-ministry", name: "Ministry of Foreign Affairs of the Islamic Emirate of Afghanistan", names: [] },
  { slug: "taliban-watchers", name: "Anti-Taliban coalition", names: [] },
  { slug: "pakistan", name: "Pakistan", iso3: "PAK", names: [{ name: "پاکستان", lang: "ur", dir: "rtl" as const }] },
  { slug: "sao-tome", name: "São Tomé", names: [] },
];

describe("actor search", () => {
  it("finds the Taliban government by its alias, exact matches before word matches", () => {
    const hits = searchActors(actors, "taliban");
    expect(hits.map((h) => h.actor.slug)).toEqual(["islamic-emirate-of-afghanistan", "taliban-watchers"]);
    expect(hits[0]?.match).toMatchObject({ rank: 0, field: "alias", text: "Taliban" });
    expect(hits[1]?.match).toMatchObject({ rank: 2, field: "name" });
  });

  it("ranks a name that starts with the query before one that only contains it", () => {
    const hits = searchActors(actors, "Islamic Emirate");
    expect(hits.map((h) => h.actor.slug)).toEqual(["islamic-emirate-of-afghanistan", "islamic-emirate-foreign-ministry"]);
    // The ministry's slug starts with the words, its name only contains them: a slug match ranks lower.
    expect(hits.map((h) => h.match.rank)).toEqual([1, 2]);
    expect(searchActors(actors, "IEA")[0]?.match).toMatchObject({ field: "alias", kind: "abbreviation", rank: 0 });
  });

  it("ignores case and accents, matches ISO codes whole and local names in their script", () => {
    expect(searchActors(actors, "sao tome").map((h) => h.actor.slug)).toEqual(["sao-tome"]);
    expect(searchActors(actors, "SÃO").map((h) => h.actor.slug)).toEqual(["sao-tome"]);
    expect(searchActors(actors, "pak")[0]?.match).toMatchObject({ field: "iso3", rank: 0 });
    expect(matchActor(actors[3] as never, "paki")).toMatchObject({ field: "name", rank: 1 });
    expect(matchActor(actors[3] as never, "pa")?.field).toBe("name");
    expect(searchActors(actors, "پاکستان")[0]?.match).toMatchObject({ field: "local", lang: "ur", dir: "rtl" });
    expect(searchActors(actors, "afg")[0]?.match).toMatchObject({ field: "iso3", rank: 0 });
  });

  it("matches nothing for a blank query, and takes hostile text as text", () => {
    expect(searchActors(actors, "   ")).toEqual([]);
    expect(searchActors(actors, "zzz")).toEqual([]);
    for (const q of ["__proto__", "constructor", ".*", "(?:", "\u202e", "x".repeat(10_000)]) expect(searchActors(actors, q)).toEqual([]);
    expect(foldForSearch("Ä-b_c  d")).toBe("a b c d");
  });
});

describe("actor aliases in the schema", () => {
  const base = { slug: "x", name: "X", kind: "group" };

  it("take a name, a kind, and optionally a language and a source", () => {
    const parsed = Actor.parse({ ...base, aliases: [{ name: "Y" }, { name: "XY", kind: "abbreviation", lang: "en", source: "icwa" }] });
    expect(parsed.aliases).toEqual([
      { name: "Y", kind: "alias" },
      { name: "XY", kind: "abbreviation", lang: "en", source: "icwa" },
    ]);
    expect(Actor.parse(base).aliases).toEqual([]);
  });

  it("refuse hostile aliases, naming the field", () => {
    const issue = (aliases: unknown) => {
      const r = Actor.safeParse({ ...base, aliases });
      expect(r.success).toBe(false);
      return r.error?.issues[0]?.path;
    };
    expect(issue([{ name: "y".repeat(201) }])).toEqual(["aliases", 0, "name"]);
    expect(issue([{ name: "a\ud800b" }])).toEqual(["aliases", 0, "name"]);
    expect(issue([{ name: "  " }])).toEqual(["aliases", 0, "name"]);
    expect(issue([{ name: " Y" }])).toEqual(["aliases", 0, "name"]);
    expect(issue([{ name: "Y", kind: "__proto__" }])).toEqual(["aliases", 0, "kind"]);
    expect(issue([{ name: "Y", source: "__proto__" }])).toEqual(["aliases", 0, "source"]);
    expect(issue([{ name: "Y", lang: "not a tag" }])).toEqual(["aliases", 0, "lang"]);
    expect(issue(Array.from({ length: 21 }, (_, i) => ({ name: `Y${i}` })))).toEqual(["aliases"]);
    expect(issue([{ name: "Y" }, { name: "y" }])).toEqual(["aliases", 1, "name"]);
    expect(issue([{ name: "x" }])).toEqual(["aliases", 0, "name"]);
    expect(issue({ __proto__: { name: "Y" } })).toEqual(["aliases"]);
    // A `__proto__` key inside an alias is an unknown key, dropped; it pollutes nothing.
    const parsed = Actor.parse({ ...base, aliases: [JSON.parse('{"name":"Y","__proto__":{"polluted":true}}')] });
    expect(parsed.aliases[0]).toEqual({ name: "Y", kind: "alias" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the API's search refuses a lone surrogate and an overlong query, naming q", () => {
    for (const q of ["a\udc00", "q".repeat(201)]) {
      const r = ActorsQuery.safeParse({ q });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["q"]);
    }
  });
});
