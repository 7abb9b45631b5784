// The 409 of a save from an old version, over HTTP: it carries the base the request started from,
// theirs (with who saved it), yours, and the field-level merge. A PATCH that changes nothing is a 200
// `{ unchanged: true }` that opens no draft. A draft's title can be set by its author.
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { apiAs, sourceRecord, stanceRecord, unique } from "../support/api-session";
import { Contract, matchOperation, type OpenApiDoc, operationsOf } from "./openapi-contract";

type Conflict = {
  status: number;
  current: { version: string };
  base: { version: string; record: Record<string, unknown> | null } | null;
  baseUnavailable?: string;
  theirs: { version: string; record: Record<string, unknown>; savedBy: string | null; savedAt: string | null };
  yours: Record<string, unknown>;
  merge: { merged: Record<string, unknown>; conflicts: { field: string; base: unknown; theirs: unknown; yours: unknown }[] } | null;
};

let contract: Contract | null = null;

/** The answer's body, after checking its status and (given the method) that it agrees with the served OpenAPI document. */
async function json<T>(res: APIResponse, status: number, method?: "get" | "patch"): Promise<T> {
  const text = await res.text();
  expect(res.status(), text).toBe(status);
  if (method) {
    expect(contract, "the OpenAPI document was read").not.toBeNull();
    const op = contract ? matchOperation(operationsOf(contract.doc), method, new URL(res.url()).pathname) : null;
    expect(op, `${method} ${res.url()} is documented`).not.toBeNull();
    if (contract && op) expect(contract.check(op, status, res.headers()["content-type"] ?? "", text)).toBeNull();
  }
  return JSON.parse(text) as T;
}

test.describe("three-way merge over the API", () => {
  let editor: APIRequestContext;
  let reviewer: APIRequestContext;
  let stance: string;
  let published: string;

  test.beforeAll(async ({ playwright }, info) => {
    const baseURL = info.project.use.baseURL as string;
    [editor, reviewer] = await Promise.all([apiAs(playwright, baseURL, "editor"), apiAs(playwright, baseURL, "reviewer")]);
    contract = new Contract((await (await reviewer.get("/api/v1/openapi.json")).json()) as OpenApiDoc);
  });
  test.afterAll(async () => {
    await Promise.all([editor?.dispose(), reviewer?.dispose()]);
  });

  test.beforeEach(async () => {
    const u = unique();
    const { draftId } = await json<{ draftId: string }>(
      await reviewer.post("/api/v1/sources", { data: sourceRecord(`twm-src-${u}`) }),
      201,
    );
    await json(
      await reviewer.post(`/api/v1/actors?draft=${draftId}`, { data: { slug: `twm-${u}`, name: `Merge ${u}`, kind: "group" } }),
      201,
    );
    stance = `twm-stance-${u}`;
    await json(
      await reviewer.post(`/api/v1/stances?draft=${draftId}`, {
        data: stanceRecord(stance, `twm-${u}`, `twm-src-${u}`, { note: "The original note." }),
      }),
      201,
    );
    await json(await reviewer.post(`/api/v1/drafts/${draftId}/publish`, { data: {} }), 200);
    published = (await json<{ version: string }>(await reviewer.get(`/api/v1/stances/${stance}/head`), 200)).version;
  });

  test("A changes confidence, B the note from the same base: the 409 merges both without conflicts", async () => {
    const a = await json<{ version: string; draftId: string }>(
      await editor.patch(`/api/v1/stances/${stance}`, { data: { confidence: "low", expectedVersion: published } }),
      200,
    );
    const res = await reviewer.patch(`/api/v1/stances/${stance}`, { data: { note: "B's note.", expectedVersion: published } });
    const body = await json<Conflict>(res, 409, "patch");
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    expect(body.base?.version).toBe(published);
    expect(body.base?.record).toMatchObject({ confidence: "medium", note: "The original note." });
    expect(body.baseUnavailable).toBeUndefined();
    expect(body.theirs).toMatchObject({
      version: a.version,
      savedBy: "E2E editor",
      record: { confidence: "low", note: "The original note." },
    });
    expect(Date.parse(body.theirs.savedAt ?? "")).not.toBeNaN();
    expect(body.current.version).toBe(a.version);
    // PATCH builds yours from what is there now plus the fields sent.
    expect(body.yours).toMatchObject({ note: "B's note." });
    expect(body.merge?.conflicts).toEqual([]);
    expect(body.merge?.merged).toMatchObject({ confidence: "low", note: "B's note." });

    // Sending the merge against their version keeps both.
    const { expectedVersion: _omit, ...merged } = { ...(body.merge?.merged ?? {}), expectedVersion: undefined };
    await json(await reviewer.patch(`/api/v1/stances/${stance}`, { data: { ...merged, expectedVersion: body.theirs.version } }), 200);
    const head = await json<{ draft: { record: Record<string, unknown> } }>(await reviewer.get(`/api/v1/stances/${stance}/head`), 200);
    expect(head.draft.record).toMatchObject({ confidence: "low", note: "B's note." });
    expect((await reviewer.delete(`/api/v1/drafts/${a.draftId}`)).status()).toBe(204);
  });

  test("both change the note: the 409 lists it with base, theirs and yours", async () => {
    const a = await json<{ draftId: string }>(
      await editor.patch(`/api/v1/stances/${stance}`, { data: { note: "A's note.", expectedVersion: published } }),
      200,
    );
    const body = await json<Conflict>(
      await reviewer.patch(`/api/v1/stances/${stance}`, { data: { note: "B's note.", confidence: "high", expectedVersion: published } }),
      409,
      "patch",
    );
    expect(body.merge?.conflicts).toEqual([{ field: "note", base: "The original note.", theirs: "A's note.", yours: "B's note." }]);
    expect(body.merge?.merged).toMatchObject({ confidence: "high" });

    // A base token that names no version this record had: said so, and the merge is two-way.
    const unknown = await json<Conflict>(
      await reviewer.patch(`/api/v1/stances/${stance}`, { data: { confidence: "high", expectedVersion: "99.0" } }),
      409,
      "patch",
    );
    expect(unknown.base).toBeNull();
    expect(unknown.baseUnavailable).toMatch(/not in the record's history/);
    expect((await reviewer.delete(`/api/v1/drafts/${a.draftId}`)).status()).toBe(204);
  });

  test("a PATCH that changes nothing answers 200 { unchanged: true } and opens no draft; a draft can be renamed", async () => {
    const same = await json<{ unchanged: boolean; draftId: string | null; version: string }>(
      await editor.patch(`/api/v1/stances/${stance}`, { data: { confidence: "medium", expectedVersion: published } }),
      200,
      "patch",
    );
    expect(same).toEqual({ unchanged: true, draftId: null, version: published });
    const head = await json<{ draft: unknown }>(await editor.get(`/api/v1/stances/${stance}/head`), 200);
    expect(head.draft).toBeNull();

    const saved = await json<{ draftId: string }>(
      await editor.patch(`/api/v1/stances/${stance}`, { data: { confidence: "low", expectedVersion: published } }),
      200,
    );
    const draft = await json<{ title: string; version: number }>(await editor.get(`/api/v1/drafts/${saved.draftId}`), 200);
    expect(draft.title).toMatch(/^Merge .+: posture toward the Taliban government$/);
    const bad = await json<{ errors: { field: string }[] }>(
      await editor.patch(`/api/v1/drafts/${saved.draftId}`, { data: { title: " " } }),
      400,
    );
    expect(bad.errors.map((e) => e.field)).toEqual(["title"]);
    const renamed = await json<{ title: string; unchanged: boolean }>(
      await editor.patch(`/api/v1/drafts/${saved.draftId}`, { data: { title: "Lower confidence", expectedVersion: draft.version } }),
      200,
      "patch",
    );
    expect(renamed).toEqual({ title: "Lower confidence", unchanged: false });
    expect((await json<{ title: string }>(await editor.get(`/api/v1/drafts/${saved.draftId}`), 200)).title).toBe("Lower confidence");
    expect((await editor.delete(`/api/v1/drafts/${saved.draftId}`)).status()).toBe(204);
  });
});
