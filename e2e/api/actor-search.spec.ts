// Searching actors over the API: the Taliban government answers to "taliban", "IEA" and its other
// names, best matches first; hostile queries are refused by name or find nothing, never a 500.
import { expect, test } from "@playwright/test";

type Page = { data: { slug: string; aliases: { name: string; kind: string; source?: string }[] }[]; page: { nextCursor: string | null } };
const IEA = "islamic-emirate-of-afghanistan";

test.describe("actor search over HTTP", () => {
  test("an API client searching “taliban” gets the Islamic Emirate first, with its aliases", async ({ request }) => {
    for (const q of ["taliban", "Taliban", "IEA", "iea", "Islamic Emirate", "taliban government", "امارت اسلامی"]) {
      const res = await request.get(`/api/v1/actors?q=${encodeURIComponent(q)}`);
      expect(res.status(), q).toBe(200);
      const body = (await res.json()) as Page;
      expect(body.data[0]?.slug, q).toBe(IEA);
    }
    const body = (await (await request.get("/api/v1/actors?q=taliban")).json()) as Page;
    const aliases = body.data[0]?.aliases ?? [];
    expect(aliases).toContainEqual({ name: "Taliban", kind: "alias", source: "icwa-russia-taliban-recognition" });
    expect(aliases).toContainEqual({ name: "IEA", kind: "abbreviation" });
  });

  test("abbreviations from the sources find their actors, and a search pages without repeats", async ({ request }) => {
    const first = async (q: string) => ((await (await request.get(`/api/v1/actors?q=${q}`)).json()) as Page).data[0]?.slug;
    expect(await first("AFF")).toBe("afghanistan-freedom-front");
    expect(await first("isis-k")).toBe("islamic-state-khorasan-province");
    expect(await first("naser%20faiq")).toBe("naseer-ahmad-faiq");
    // Other specs publish actors meanwhile: the listing and its pages are compared only when every answer
    // came from one dataset revision (each answer names its own); else the walk is made again.
    let compared = false;
    for (let attempt = 0; attempt < 5 && !compared; attempt++) {
      const whole = await request.get("/api/v1/actors?q=a&limit=1000");
      const revisions = new Set([whole.headers()["x-dataset-revision"]]);
      const all = ((await whole.json()) as Page).data.map((a) => a.slug);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await request.get(`/api/v1/actors?q=a&limit=5${cursor ? `&cursor=${cursor}` : ""}`);
        revisions.add(res.headers()["x-dataset-revision"]);
        const body = (await res.json()) as Page;
        paged.push(...body.data.map((a) => a.slug));
        cursor = body.page.nextCursor;
      } while (cursor);
      if (revisions.size !== 1) continue;
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(paged.length);
      expect(all.length).toBeGreaterThan(10);
      compared = true;
    }
    expect(compared, "five walks in a row each saw a publish: the pages were never compared").toBe(true);
  });

  test("hostile queries are refused naming q, or find nothing; none is a server error", async ({ request }) => {
    for (const q of ["zzz", "__proto__", "constructor", "%", "_", "' OR 1=1 --", ".*", "\u202eevil"]) {
      const res = await request.get(`/api/v1/actors?q=${encodeURIComponent(q)}`);
      expect(res.status(), q).toBe(200);
      expect(((await res.json()) as Page).data, q).toEqual([]);
    }
    const long = await request.get(`/api/v1/actors?q=${"x".repeat(201)}`);
    expect(long.status()).toBe(400);
    expect((await long.json()).errors).toContainEqual(expect.objectContaining({ field: "q" }));
    // Bytes that are not UTF-8 (a lone surrogate's encoding) reach the route as U+FFFD or are refused; never a 500.
    const broken = await request.get("/api/v1/actors?q=%ED%A0%80");
    expect(broken.status()).toBeLessThan(500);
    if (broken.status() === 200) expect((await broken.json()).data).toEqual([]);
    const bad = await request.get(`/api/v1/actors?q=taliban&cursor=${Buffer.from('["9","x"]').toString("base64url")}`);
    expect(bad.status()).toBe(400);
  });

  test("the OpenAPI document describes aliases and the ranked search", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    const text = JSON.stringify(doc);
    expect(text).toContain("ActorAlias");
    expect(text).toContain("aliases");
    expect(text).toContain("Search names, slugs, local names and aliases");
  });
});
