// The write API over HTTP: every answer a client can get (201, 200, 204, 400, 401, 403, 404, 409), the
// draft → publish → revert cycle as the public read API sees it, and API tokens for scripts.
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { actorRecord, apiAs, POSTURE, sourceRecord, stanceRecord, unique } from "../support/api-session";
import { account } from "../support/auth";

type Problem = {
  status: number;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
  current?: { version: string; record: Record<string, unknown> | null };
  dependants?: { type: string; key: string; label: string }[];
};

async function problemOf(res: APIResponse, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const body = JSON.parse(text) as Problem;
  expect(body.status).toBe(status);
  return body;
}

async function created(res: APIResponse): Promise<{ draftId: string; itemId: string; version: string }> {
  const text = await res.text();
  expect(res.status(), text).toBe(201);
  return JSON.parse(text);
}

async function ok<T = Record<string, unknown>>(res: APIResponse, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  return JSON.parse(text) as T;
}

const head = async (api: APIRequestContext, path: string) =>
  ok<{ version: string; published: unknown; draft: unknown }>(await api.get(`${path}/head`));

test.describe("write API over HTTP", () => {
  let editor: APIRequestContext;
  let reviewer: APIRequestContext;
  let admin: APIRequestContext;

  test.beforeAll(async ({ playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string;
    [editor, reviewer, admin] = await Promise.all([
      apiAs(playwright, baseURL, "editor"),
      apiAs(playwright, baseURL, "reviewer"),
      apiAs(playwright, baseURL, "admin"),
    ]);
  });

  test.afterAll(async () => {
    await Promise.all([editor?.dispose(), reviewer?.dispose(), admin?.dispose()]);
  });

  test("an editor creates a source, an actor and a stance citing it into one draft (201 each); the public API shows none of them yet", async () => {
    const u = unique();
    const source = await created(await editor.post("/api/v1/sources", { data: sourceRecord(`src-${u}`) }));
    expect(source.version).toBe("0.1");
    const actor = await created(await editor.post(`/api/v1/actors?draft=${source.draftId}`, { data: actorRecord(`actor-${u}`) }));
    const stance = await created(
      await editor.post(`/api/v1/stances?draft=${source.draftId}`, { data: stanceRecord(`stance-${u}`, `actor-${u}`, `src-${u}`) }),
    );
    expect([actor.draftId, stance.draftId]).toEqual([source.draftId, source.draftId]);

    const draft = await ok<{ status: string; authorEmail: string; items: { type: string; key: string; op: string }[] }>(
      await editor.get(`/api/v1/drafts/${source.draftId}`),
    );
    expect(draft.status).toBe("pending");
    expect(draft.authorEmail).toBe(account("editor").email);
    expect(draft.items.map((i) => [i.type, i.key, i.op])).toEqual([
      ["source", `src-${u}`, "upsert"],
      ["actor", `actor-${u}`, "upsert"],
      ["stance", `stance-${u}`, "upsert"],
    ]);
    expect((await editor.get(`/api/v1/actors/actor-${u}`)).status()).toBe(404);
  });

  test("an editor changes one field with PATCH (200) and the version token moves on", async () => {
    const slug = `actor-${unique()}`;
    const first = await created(await editor.post("/api/v1/actors", { data: actorRecord(slug) }));
    const saved = await ok<{ version: string; draftId: string }>(
      await editor.patch(`/api/v1/actors/${slug}`, { data: { description: "second", expectedVersion: first.version } }),
    );
    expect(saved.draftId).toBe(first.draftId);
    expect(saved.version).toBe("0.2");
    const now = await ok<{ version: string; draft: { record: { name: string; description: string } } }>(
      await editor.get(`/api/v1/actors/${slug}/head`),
    );
    expect(now.version).toBe("0.2");
    expect(now.draft.record).toMatchObject({ name: `Test actor ${slug}`, description: "second" });
  });

  test("an editor is told which field is wrong and why (400): an impossible date, a stance without evidence", async () => {
    const u = unique();
    await created(await editor.post("/api/v1/sources", { data: sourceRecord(`src-${u}`) }));
    const badDate = await problemOf(
      await editor.post("/api/v1/stances", { data: stanceRecord(`stance-${u}`, "russia", `src-${u}`, { validFrom: "2025-02-30" }) }),
      400,
    );
    expect(badDate.errors).toContainEqual({ field: "validFrom", code: "custom", message: "30 February 2025 does not exist." });

    const noEvidence = await problemOf(
      await editor.post("/api/v1/stances", { data: stanceRecord(`stance-${u}`, "russia", `src-${u}`, { evidence: [] }) }),
      400,
    );
    expect(noEvidence.errors).toContainEqual({ field: "evidence", code: "too_small", message: "At least one source is required." });

    const { evidence: _, ...withoutEvidence } = stanceRecord(`stance-${u}`, "russia", `src-${u}`);
    const missing = await problemOf(await editor.post("/api/v1/stances", { data: withoutEvidence }), 400);
    expect(missing.errors?.map((e) => e.field)).toEqual(["evidence"]);

    const unknownSource = await problemOf(
      await editor.post("/api/v1/stances", { data: stanceRecord(`stance-${u}`, "russia", `no-such-source-${u}`) }),
      400,
    );
    expect(unknownSource.errors).toContainEqual({
      field: "evidence.0.source",
      code: "unknown_reference",
      message: `unknown source "no-such-source-${u}"`,
    });
    // Nothing was saved by the refused requests.
    expect((await editor.get(`/api/v1/stances/stance-${u}/head`)).status()).toBe(404);
  });

  test("an editor's PATCH or DELETE without a version token, or with a malformed one, is refused (400 naming expectedVersion)", async () => {
    const slug = `actor-${unique()}`;
    await created(await editor.post("/api/v1/actors", { data: actorRecord(slug) }));
    const missing = await problemOf(await editor.patch(`/api/v1/actors/${slug}`, { data: { description: "x" } }), 400);
    expect(missing.errors?.map((e) => e.field)).toEqual(["expectedVersion"]);
    const malformed = await problemOf(
      await editor.patch(`/api/v1/actors/${slug}`, { data: { description: "x", expectedVersion: "latest" } }),
      400,
    );
    expect(malformed.errors).toEqual([
      { field: "expectedVersion", code: "invalid_format", message: "must be the version token you read, e.g. `3.0`" },
    ]);
    const deleteWithout = await problemOf(await editor.delete(`/api/v1/actors/${slug}`), 400);
    expect(deleteWithout.errors?.map((e) => e.field)).toEqual(["expectedVersion"]);
    const notJson = await problemOf(
      await editor.patch(`/api/v1/actors/${slug}`, { data: "{not json", headers: { "content-type": "application/json" } }),
      400,
    );
    expect(notJson.errors?.map((e) => e.field)).toEqual(["body"]);
    expect((await head(editor, `/api/v1/actors/${slug}`)).version).toBe("0.1");
  });

  test("an anonymous client's POST is 401, with a browser's Origin header or without one", async ({ request, baseURL }) => {
    const data = actorRecord(`actor-${unique()}`);
    for (const headers of [{ origin: baseURL as string }, {}] as Record<string, string>[]) {
      const res = await request.post("/api/v1/actors", { data, headers });
      const body = await problemOf(res, 401);
      expect(body.detail).toContain("sign in");
      expect(res.headers()["www-authenticate"]).toContain("Bearer");
    }
    expect((await request.get("/api/v1/drafts")).status()).toBe(401);
    expect((await request.get(`/api/v1/actors/${data.slug}/head`)).status()).toBe(401);
  });

  test("an editor cannot publish a draft (403) nor create a user (403); the draft stays pending", async () => {
    const saved = await created(await editor.post("/api/v1/actors", { data: actorRecord(`actor-${unique()}`) }));
    const publish = await problemOf(await editor.post(`/api/v1/drafts/${saved.draftId}/publish`, { data: {} }), 403);
    expect(publish.detail).toContain("reviewer");
    const user = await problemOf(
      await editor.post("/api/v1/users", {
        data: { email: `mallory-${unique()}@e2e.test`, name: "Mallory", role: "admin", password: "a-long-enough-password" },
      }),
      403,
    );
    expect(user.detail).toContain("admin");
    expect((await problemOf(await editor.get("/api/v1/users"), 403)).status).toBe(403);
    const draft = await ok<{ status: string }>(await editor.get(`/api/v1/drafts/${saved.draftId}`));
    expect(draft.status).toBe("pending");
  });

  test("unknown records and drafts answer 404", async () => {
    const nope = `no-such-${unique()}`;
    await problemOf(await editor.get(`/api/v1/actors/${nope}/head`), 404);
    await problemOf(await editor.get(`/api/v1/actors/${nope}/history`), 404);
    await problemOf(await editor.patch(`/api/v1/actors/${nope}`, { data: { description: "x", expectedVersion: "0.0" } }), 404);
    await problemOf(await editor.delete(`/api/v1/sources/${nope}?expectedVersion=0.0`), 404);
    await problemOf(await editor.get(`/api/v1/drafts/${nope}`), 404);
    await problemOf(await editor.delete(`/api/v1/drafts/${nope}`), 404);
    await problemOf(await editor.post(`/api/v1/actors?draft=${nope}`, { data: actorRecord(`actor-${unique()}`) }), 404);
    await problemOf(await reviewer.post(`/api/v1/drafts/${nope}/publish`, { data: {} }), 404);
    await problemOf(await reviewer.post(`/api/v1/drafts/${nope}/return`, { data: { comment: "why" } }), 404);
  });

  test("when a reviewer saved first, an editor saving from the version they opened gets 409 with the current version and record", async () => {
    const slug = `actor-${unique()}`;
    const opened = await created(await editor.post("/api/v1/actors", { data: actorRecord(slug) }));
    // Both open the record at version 0.1; the reviewer saves first.
    await ok(
      await reviewer.patch(`/api/v1/actors/${slug}`, { data: { description: "the reviewer's words", expectedVersion: opened.version } }),
    );
    const conflict = await problemOf(
      await editor.patch(`/api/v1/actors/${slug}`, { data: { description: "the editor's words", expectedVersion: opened.version } }),
      409,
    );
    expect(conflict.current?.version).toBe("0.2");
    expect(conflict.current?.record).toMatchObject({ slug, description: "the reviewer's words" });
    // Creating it again is a conflict too: it exists in an open draft.
    const again = await problemOf(await editor.post("/api/v1/actors", { data: actorRecord(slug) }), 409);
    expect(again.current?.version).toBe("0.2");
    const now = await ok<{ draft: { record: { description: string } } }>(await editor.get(`/api/v1/actors/${slug}/head`));
    expect(now.draft.record.description).toBe("the reviewer's words");
  });

  test("an editor deleting a source that published stances cite gets 409 listing them, and no deletion is proposed", async () => {
    const stances = await ok<{ data: { id: string; evidence: { source: string }[] }[] }>(
      await editor.get(`/api/v1/stances?topic=${POSTURE}`),
    );
    const cited = stances.data[0]?.evidence[0]?.source as string;
    const before = await head(editor, `/api/v1/sources/${cited}`);
    const refused = await problemOf(await editor.delete(`/api/v1/sources/${cited}?expectedVersion=${before.version}`), 409);
    expect(refused.dependants?.length).toBeGreaterThan(0);
    expect(refused.dependants).toContainEqual(expect.objectContaining({ type: "stance", key: stances.data[0]?.id }));
    expect(await head(editor, `/api/v1/sources/${cited}`)).toEqual(before);
  });

  test("an editor withdraws their own draft (204); its changes are no longer proposed and it takes no more", async () => {
    const slug = `actor-${unique()}`;
    const saved = await created(await editor.post("/api/v1/actors", { data: actorRecord(slug) }));
    const res = await editor.delete(`/api/v1/drafts/${saved.draftId}`);
    expect(res.status()).toBe(204);
    expect(await res.text()).toBe("");
    expect((await ok<{ status: string }>(await editor.get(`/api/v1/drafts/${saved.draftId}`))).status).toBe("withdrawn");
    await problemOf(await editor.get(`/api/v1/actors/${slug}/head`), 404);
    await problemOf(await editor.post(`/api/v1/actors?draft=${saved.draftId}`, { data: actorRecord(`actor-${unique()}`) }), 409);
  });

  test("a reviewer publishes an editor's draft and the public API shows it; a revert brings the old value back; the history lists both", async ({
    request,
  }) => {
    const u = unique();
    const slug = `actor-${u}`;
    const first = await created(await editor.post("/api/v1/sources", { data: sourceRecord(`src-${u}`) }));
    await created(await editor.post(`/api/v1/actors?draft=${first.draftId}`, { data: actorRecord(slug) }));
    await created(await editor.post(`/api/v1/stances?draft=${first.draftId}`, { data: stanceRecord(`stance-${u}`, slug, `src-${u}`) }));
    const published = await ok<{ revision: number }>(
      await reviewer.post(`/api/v1/drafts/${first.draftId}/publish`, { data: { comment: "checked against the source" } }),
    );
    expect(published.revision).toBeGreaterThan(1);

    const publicActor = async () => ok<{ name: string; description?: string }>(await request.get(`/api/v1/actors/${slug}`));
    expect(await publicActor()).toMatchObject({ name: `Test actor ${slug}`, description: "first" });
    const asOf = await ok<{ data: { actor: string; category: string }[] }>(
      await request.get(`/api/v1/stances?topic=${POSTURE}&at=2025-07-10&limit=1000`),
    );
    expect(asOf.data).toContainEqual(expect.objectContaining({ actor: slug, category: "limited-engagement" }));

    // A second edit, published: version 2.
    const atOne = await head(editor, `/api/v1/actors/${slug}`);
    expect(atOne.version).toBe("1.0");
    const second = await ok<{ draftId: string }>(
      await editor.patch(`/api/v1/actors/${slug}`, { data: { description: "second", expectedVersion: atOne.version } }),
    );
    await ok(await reviewer.post(`/api/v1/drafts/${second.draftId}/publish`));
    expect((await publicActor()).description).toBe("second");

    // The reviewer restores revision 1.
    const reverted = await ok<{ version: number }>(
      await reviewer.post(`/api/v1/actors/${slug}/revert`, {
        data: { revision: 1, expectedVersion: 2, comment: "back to the sourced wording" },
      }),
    );
    expect(reverted.version).toBe(3);
    expect((await publicActor()).description).toBe("first");

    const history = await ok<{
      revisions: { version: number; record: { description?: string } | null; action: string }[];
      changes: { action: string; after: { description?: string } | null }[];
    }>(await editor.get(`/api/v1/actors/${slug}/history`));
    expect(history.revisions.filter((r) => r.version > 0).map((r) => [r.version, r.record?.description, r.action])).toEqual([
      [1, "first", "publish"],
      [2, "second", "publish"],
      [3, "first", "revert"],
    ]);
    expect(history.changes[0]?.action).toBe("revert");
    expect(history.changes.filter((c) => c.action === "publish").map((c) => c.after?.description)).toEqual(["second", "first"]);

    // A revert from a version that moved on is a conflict.
    const stale = await problemOf(await reviewer.post(`/api/v1/actors/${slug}/revert`, { data: { revision: 2, expectedVersion: 2 } }), 409);
    expect(stale.current?.version).toBe("3.0");
    // Editors cannot revert.
    await problemOf(await editor.post(`/api/v1/actors/${slug}/revert`, { data: { revision: 2, expectedVersion: 3 } }), 403);
  });

  test("an admin gives the editor an API token: it writes without cookies or Origin, and once revoked it gets 401", async ({
    playwright,
    baseURL,
  }) => {
    const users = await ok<{ data: { id: string; email: string }[] }>(await admin.get("/api/v1/users"));
    const editorId = users.data.find((x) => x.email === account("editor").email)?.id as string;
    expect(editorId).toBeTruthy();
    const made = await ok<{ token: string; id: string }>(
      await admin.post(`/api/v1/users/${editorId}/tokens`, { data: { name: `e2e script ${unique()}` } }),
      201,
    );
    expect(made.token).toMatch(/^smp_/);

    // A script: no cookie jar, no Origin header.
    const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${made.token}` } });
    try {
      const slug = `actor-${unique()}`;
      const saved = await created(await script.post("/api/v1/actors", { data: actorRecord(slug) }));
      const draft = await ok<{ authorEmail: string }>(await script.get(`/api/v1/drafts/${saved.draftId}`));
      expect(draft.authorEmail).toBe(account("editor").email);
      // The token carries the editor's role, no more.
      await problemOf(await script.post(`/api/v1/drafts/${saved.draftId}/publish`), 403);

      const revoked = await admin.delete(`/api/v1/tokens/${made.id}`);
      expect(revoked.status()).toBe(204);
      await problemOf(await script.post("/api/v1/actors", { data: actorRecord(`actor-${unique()}`) }), 401);
      await problemOf(await script.get(`/api/v1/actors/${slug}/head`), 401);
    } finally {
      await script.dispose();
    }
    const listed = await ok<{ data: { id: string; tokens: { id: string; revokedAt: string | null }[] }[] }>(
      await admin.get("/api/v1/users"),
    );
    const token = listed.data.find((x) => x.id === editorId)?.tokens.find((t) => t.id === made.id);
    expect(token?.revokedAt).toBeTruthy();
  });

  test("an import with a rejected row is 422 and writes nothing; a dry run reports the same rows with 200", async () => {
    const u = unique();
    const rows = { actors: [actorRecord(`actor-${u}`), { slug: `Bad Slug ${u}`, name: "x", kind: "group" }] };
    const dry = await ok<{ committed: boolean; counts: { created: number; rejected: number } }>(
      await editor.post("/api/v1/import", { data: rows }),
    );
    expect(dry).toMatchObject({ committed: false, counts: { created: 1, rejected: 1 } });
    const res = await editor.post("/api/v1/import?dryRun=false", { data: rows });
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.committed).toBe(false);
    expect(body.rows).toContainEqual(expect.objectContaining({ row: "actors[1]", outcome: "rejected" }));
    await problemOf(await editor.get(`/api/v1/actors/actor-${u}/head`), 404);
  });

  test("the OpenAPI document describes every write operation, its bodies, statuses and both ways to sign in", async ({ request }) => {
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearer", "session"]);
    expect(doc.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie", name: "better-auth.session_token" });
    expect(doc.components.securitySchemes.session.description).toContain("Origin");
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });

    for (const [collection, key] of [
      ["actors", "slug"],
      ["topics", "slug"],
      ["events", "slug"],
      ["sources", "id"],
      ["stances", "id"],
      ["reactions", "id"],
      ["gaps", "id"],
    ]) {
      const post = doc.paths[`/api/v1/${collection}`].post;
      expect(Object.keys(post.responses), collection).toEqual(expect.arrayContaining(["201", "400", "401", "403", "409"]));
      expect(post.requestBody.content["application/json"].schema, collection).toBeTruthy();
      const item = doc.paths[`/api/v1/${collection}/{${key}}`];
      expect(item.patch.requestBody.content["application/json"].schema.required).toEqual(["expectedVersion"]);
      expect(Object.keys(item.patch.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "404", "409"]));
      expect(item.delete.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining([key, "expectedVersion"]));
      for (const sub of ["head", "history"]) expect(doc.paths[`/api/v1/${collection}/{${key}}/${sub}`].get).toBeTruthy();
      expect(doc.paths[`/api/v1/${collection}/{${key}}/revert`].post.requestBody).toBeTruthy();
    }
    expect(doc.paths["/api/v1/stances"].post.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/Stance");
    const problem = doc.components.schemas.Problem.properties;
    expect(Object.keys(problem)).toEqual(expect.arrayContaining(["errors", "current", "dependants"]));
    expect(doc.components.schemas.FieldError.required).toEqual(["field", "code", "message"]);
    expect(doc.paths["/api/v1/drafts/{id}/publish"].post.responses["403"]).toBeTruthy();
    expect(doc.paths["/api/v1/drafts/{id}"].delete.responses["204"]).toBeTruthy();
    expect(doc.paths["/api/v1/import"].post.responses["422"]).toBeTruthy();
    for (const path of [
      "/api/v1/drafts",
      "/api/v1/drafts/{id}/return",
      "/api/v1/audit",
      "/api/v1/dataset",
      "/api/v1/users",
      "/api/v1/users/{id}",
      "/api/v1/users/{id}/tokens",
      "/api/v1/tokens/{id}",
    ])
      expect(doc.paths[path], path).toBeTruthy();
    expect(doc.paths["/api/v1/users"].post.security).toEqual([{ session: [] }, { bearer: [] }]);

    // Exactly the routes the app serves: the read API, and per collection its write, head, history and revert routes.
    const records = [
      ["actors", "slug"],
      ["topics", "slug"],
      ["events", "slug"],
      ["sources", "id"],
      ["stances", "id"],
      ["reactions", "id"],
      ["gaps", "id"],
    ].flatMap(([c, k]) => [`/api/v1/${c}`, ...["", "/head", "/history", "/revert"].map((sub) => `/api/v1/${c}/{${k}}${sub}`)]);
    const curation = [
      "/drafts",
      "/drafts/{id}",
      "/drafts/{id}/publish",
      "/drafts/{id}/return",
      "/audit",
      "/dataset",
      "/import",
      "/import/progress",
    ];
    const people = ["/users", "/users/{id}", "/users/{id}/tokens", "/tokens/{id}"];
    const analysis = ["/changes", "/sequence"];
    // Sources' stored texts and the quote check against them.
    const texts = ["/source-texts", "/sources/{id}/text", "/quote-check"];
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        ...new Set([
          "/api/health",
          "/api/v1/openapi.json",
          "/api/v1/export/{file}",
          ...records,
          ...[...curation, ...people, ...analysis, ...texts].map((p) => `/api/v1${p}`),
        ]),
      ].sort(),
    );
  });
});
