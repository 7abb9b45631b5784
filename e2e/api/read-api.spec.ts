import { expect, test } from "@playwright/test";
import { validate } from "@readme/openapi-parser";

const POSTURE = "posture-toward-taliban-government";

test.describe("read API over HTTP", () => {
  test("an API client lists 25 or more actors, including the states, the UN and the Afghan opposition", async ({ request }) => {
    const res = await request.get("/api/v1/actors?limit=1000");
    expect(res.status()).toBe(200);
    const body = await res.json();
    const slugs: string[] = body.data.map((a: { slug: string }) => a.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(25);
    for (const slug of [
      "russia",
      "china",
      "pakistan",
      "united-states",
      "united-nations",
      "fawzia-koofi",
      "afghanistan-freedom-front",
      "nasir-andisha",
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  test("a client pages through actors with the cursor and sees each once", async ({ request }) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await request.get(`/api/v1/actors?limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      const body: { data: { slug: string }[]; page: { nextCursor: string | null } } = await res.json();
      seen.push(...body.data.map((a: { slug: string }) => a.slug));
      cursor = body.page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(25);
  });

  test("a state answers to its slug and to its ISO alpha-3 code", async ({ request }) => {
    const bySlug = await (await request.get("/api/v1/actors/russia")).json();
    const byCode = await (await request.get("/api/v1/actors/RUS")).json();
    expect(byCode.slug).toBe("russia");
    expect(byCode).toEqual(bySlug);
    expect(bySlug.iso3).toBe("RUS");
    const missing = await request.get("/api/v1/actors/atlantis");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("application/problem+json");
  });

  test("Russia is not shown recognising the Taliban government on 2 July 2025, and is on 3 July", async ({ request }) => {
    const at = async (date: string) => {
      const res = await request.get(`/api/v1/stances?topic=${POSTURE}&at=${date}&limit=1000`);
      expect(res.status()).toBe(200);
      const body = await res.json();
      return body.data.find((s: { actor: string }) => s.actor === "russia");
    };
    expect((await at("2025-07-02")).category).not.toBe("formal-recognition");
    const on = await at("2025-07-03");
    expect(on.category).toBe("formal-recognition");
    expect(on.ageDays).toBe(0);
    expect(on.evidence.length).toBeGreaterThan(0);
  });

  test("a bad date gets 400 problem+json naming `at`, and nothing else is answered", async ({ request }) => {
    const res = await request.get(`/api/v1/stances?topic=${POSTURE}&at=not-a-date`);
    expect(res.status()).toBe(400);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    const body = await res.json();
    expect(body.status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(["at"]);
    expect(body.detail).toContain("at");
  });

  test("other bad parameters are named too: limit, cursor, sentiment, an unknown topic", async ({ request }) => {
    const cases: [string, string][] = [
      ["/api/v1/actors?limit=0", "limit"],
      ["/api/v1/actors?limit=abc", "limit"],
      ["/api/v1/actors?cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["/api/v1/reactions?sentiment=furious", "sentiment"],
      ["/api/v1/stances?topic=no-such-topic&at=2025-07-03", "topic"],
      ["/api/v1/stances?at=2025-07-03", "topic"],
      ["/api/v1/events?from=2025-13-01", "from"],
    ];
    for (const [path, parameter] of cases) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      const body = await res.json();
      expect(
        body.errors.map((e: { field: string }) => e.field),
        path,
      ).toContain(parameter);
    }
  });

  test("every stance, reaction and event served has at least one source that the API also lists", async ({ request }) => {
    const sources = new Set((await (await request.get("/api/v1/sources?limit=1000")).json()).data.map((s: { id: string }) => s.id));
    const stances = (await (await request.get("/api/v1/stances?limit=1000")).json()).data;
    const reactions = (await (await request.get("/api/v1/reactions?limit=1000")).json()).data;
    const events = (await (await request.get("/api/v1/events?limit=1000")).json()).data;
    expect(stances.length).toBeGreaterThan(10);
    expect(reactions.length).toBeGreaterThan(5);
    expect(events.length).toBeGreaterThanOrEqual(11);
    for (const record of [...stances, ...reactions, ...events]) {
      expect(record.evidence.length, record.id ?? record.slug).toBeGreaterThan(0);
      for (const e of record.evidence) expect(sources.has(e.source), e.source).toBe(true);
    }
  });

  test("topics come with their ordered category scales", async ({ request }) => {
    const topics = (await (await request.get("/api/v1/topics")).json()).data;
    const posture = topics.find((t: { slug: string }) => t.slug === POSTURE);
    expect(posture.categories.map((c: { key: string }) => c.key)).toEqual([
      "formal-recognition",
      "diplomatic-engagement",
      "limited-engagement",
      "conditional-non-recognition",
      "active-opposition",
    ]);
    expect(topics.some((t: { slug: string }) => t.slug === "reaction-to-russian-recognition")).toBe(true);
  });

  test("responses carry an ETag and a repeat with If-None-Match gets 304", async ({ request }) => {
    const first = await request.get("/api/v1/reactions");
    const etag = first.headers().etag;
    expect(etag).toMatch(/^W\/"r\d+-/);
    const again = await request.get("/api/v1/reactions", { headers: { "If-None-Match": etag as string } });
    expect(again.status()).toBe(304);
    const other = await request.get("/api/v1/reactions?sentiment=critical", { headers: { "If-None-Match": etag as string } });
    expect(other.status()).toBe(200);
  });

  test("the health check reports the database", async ({ request }) => {
    const body = await (await request.get("/api/health")).json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true } });
    expect(body.database.revision).toBeGreaterThan(0);
  });

  test("the OpenAPI document is valid 3.1 and lists every public path", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc));
    expect(result.valid, JSON.stringify(result)).toBe(true);
    // The read paths; the write API's paths are checked in write-api.spec.ts.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/v1/actors",
        "/api/v1/actors/{slug}",
        "/api/v1/events",
        "/api/v1/openapi.json",
        "/api/v1/reactions",
        "/api/v1/sources",
        "/api/v1/stances",
        "/api/v1/topics",
      ]),
    );
    const stanceParams = doc.paths["/api/v1/stances"].get.parameters.map((p: { name: string }) => p.name);
    expect(stanceParams).toEqual(expect.arrayContaining(["topic", "at", "limit", "cursor"]));
    expect(doc.components.schemas.Stance.properties.evidence.minItems).toBe(1);
  });
});
