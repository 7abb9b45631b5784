// Every route's real answers against the served OpenAPI document: each operation is called over HTTP
// (anonymously and with each role, with data made for it), and each body is validated with ajv against
// the schema the document gives for its status and content type. An operation never called fails the test.
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { actorRecord, apiAs, POSTURE, sourceRecord, unique } from "../support/api-session";
import { Contract, matchOperation, type OpenApiDoc, type Operation, operationsOf } from "./openapi-contract";

type Json = Record<string, unknown>;

test.describe("the OpenAPI document describes every real answer", () => {
  test.describe.configure({ timeout: 180_000 });

  test("every operation, anonymous and with each role, answers what the document says, errors included", async ({
    playwright,
    request,
  }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL as string;
    const docRes = await request.get("/api/v1/openapi.json");
    expect(docRes.status()).toBe(200);
    const doc = (await docRes.json()) as OpenApiDoc & { servers: { url: string }[] };
    expect(doc.servers.length).toBeGreaterThan(0);
    const contract = new Contract(doc);
    const ops = operationsOf(doc);
    for (const op of ops) expect(op.security, `${op.method} ${op.path} says how it is authorised`).toBeDefined();
    // The checker itself can fail: a body of the wrong shape, a wrong content type, an undocumented status.
    const actorsOp = matchOperation(ops, "GET", "/api/v1/actors") as Operation;
    expect(contract.check(actorsOp, 200, "application/json", '{"data":5}')).toContain("disagrees");
    expect(contract.check(actorsOp, 200, "text/html", "<p>")).toContain("documented");
    expect(contract.check(actorsOp, 418, "application/json", "{}")).toContain("documented"); // `default` is a problem…
    expect(contract.check(actorsOp, 418, "application/problem+json", "{}")).toContain("disagrees"); // …of the one shape

    const [editor, reviewer, admin] = await Promise.all([
      apiAs(playwright, baseURL, "editor"),
      apiAs(playwright, baseURL, "reviewer"),
      apiAs(playwright, baseURL, "admin"),
    ]);
    const anonymous = await playwright.request.newContext({ baseURL });
    const covered = new Map<string, Set<number>>();
    const disagreements: string[] = [];

    /** Sends one request, finds its operation, and holds the answer against the document. */
    async function call(
      who: APIRequestContext,
      method: string,
      url: string,
      options: { data?: unknown; headers?: Record<string, string>; expect?: number | number[] } = {},
    ): Promise<{ status: number; body: Json }> {
      const path = url.split("?")[0] ?? url;
      const op = matchOperation(ops, method, path);
      expect(op, `${method} ${path} is documented`).toBeTruthy();
      const res: APIResponse = await who.fetch(url, {
        method,
        ...(options.data !== undefined
          ? typeof options.data === "string"
            ? { data: options.data }
            : { data: JSON.stringify(options.data), headers: { "content-type": "application/json", ...options.headers } }
          : options.headers
            ? { headers: options.headers }
            : {}),
      });
      const text = await res.text();
      const status = res.status();
      const why = contract.check(op as Operation, status, res.headers()["content-type"] ?? "", status === 304 ? "" : text);
      if (why) disagreements.push(`${method} ${url}: ${why}`);
      const key = `${(op as Operation).method} ${(op as Operation).path}`;
      covered.set(key, (covered.get(key) ?? new Set()).add(status));
      if (options.expect !== undefined) {
        const wanted = Array.isArray(options.expect) ? options.expect : [options.expect];
        expect.soft(wanted, `${method} ${url} → ${status}: ${text.slice(0, 400)}`).toContain(status);
      }
      let body: Json = {};
      try {
        body = text && res.headers()["content-type"]?.includes("json") ? (JSON.parse(text) as Json) : {};
      } catch {
        // Non-JSON bodies were already held against the document above.
      }
      return { status, body };
    }

    try {
      // ---- Anonymous: every write and curation operation refuses with 401; reads answer 200, 400 and 404. ----
      for (const op of ops) {
        if (!op.responses["401"] || op.path === "/api/v1/dataset") continue;
        const url = op.path.replace(/\{[^}]+\}/g, "x");
        await call(anonymous, op.method.toUpperCase(), url, { ...(op.body ? { data: {} } : {}), expect: 401 });
      }
      await call(anonymous, "GET", "/api/health", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/openapi.json", { expect: 200 });
      const actors = await call(anonymous, "GET", "/api/v1/actors?limit=2", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/actors?limit=0", { expect: 400 });
      await call(anonymous, "GET", "/api/v1/actors/russia", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/actors/no-such-actor", { expect: 404 });
      await call(anonymous, "GET", "/api/v1/topics", { expect: 200 });
      await call(anonymous, "GET", `/api/v1/stances?topic=${POSTURE}&at=2025-07-03`, { expect: 200 });
      await call(anonymous, "GET", "/api/v1/stances?limit=3", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/stances?at=2025-07-03", { expect: 400 });
      await call(anonymous, "GET", `/api/v1/changes?topic=${POSTURE}&from=2025-04-01&to=2025-07-03`, { expect: 200 });
      await call(anonymous, "GET", `/api/v1/changes?topic=${POSTURE}&from=2025-07-03&to=2025-04-01`, { expect: 400 });
      await call(anonymous, "GET", "/api/v1/changes?topic=no-such-topic&from=2025-04-01&to=2025-07-03", { expect: 404 });
      await call(anonymous, "GET", `/api/v1/sequence?topic=${POSTURE}`, { expect: 200 });
      await call(anonymous, "GET", `/api/v1/sequence?topic=${POSTURE}&reference=nobody@2025-07-03`, { expect: 400 });
      await call(anonymous, "GET", "/api/v1/sequence?topic=no-such-topic", { expect: 404 });
      await call(anonymous, "GET", "/api/v1/reactions?sentiment=critical", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/reactions?sentiment=angry", { expect: 400 });
      await call(anonymous, "GET", "/api/v1/events", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/events?from=2025-02-30", { expect: 400 });
      await call(anonymous, "GET", "/api/v1/sources?limit=5", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/sources?cursor=%21", { expect: 400 });
      await call(anonymous, "GET", "/api/v1/export/map.svg?preset=column", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/export/map.svg?scale=3", { expect: 400 });
      await call(anonymous, "GET", "/api/v1/export/nothing.svg", { expect: 404 });
      const listed = await anonymous.get("/api/v1/topics");
      await call(anonymous, "GET", "/api/v1/topics", { headers: { "if-none-match": listed.headers().etag ?? "" }, expect: 304 });
      expect((actors.body.data as unknown[]).length).toBe(2);
      const dataset = await call(anonymous, "GET", "/api/v1/dataset", { expect: 200 });
      await call(anonymous, "GET", "/api/v1/dataset?drafts=true", { expect: 401 });
      await call(editor, "GET", "/api/v1/dataset?drafts=true", { expect: 403 });
      await call(reviewer, "GET", "/api/v1/dataset?drafts=true", { expect: 200 });

      // ---- One record of every type, made for this test in one draft, then published. ----
      const u = unique();
      const seed = dataset.body as Record<string, Json[]>;
      const first = (collection: string): Json => {
        const record = seed[collection]?.[0];
        expect(record, `the dataset has ${collection}`).toBeTruthy();
        return structuredClone(record) as Json;
      };
      const records: Record<string, { collection: string; key: string; record: Json }> = {
        source: { collection: "sources", key: `c-src-${u}`, record: sourceRecord(`c-src-${u}`) },
        actor: { collection: "actors", key: `c-act-${u}`, record: actorRecord(`c-act-${u}`) },
        topic: { collection: "topics", key: `c-top-${u}`, record: { ...first("topics"), slug: `c-top-${u}` } },
        event: { collection: "events", key: `c-evt-${u}`, record: { ...first("events"), slug: `c-evt-${u}` } },
        stance: { collection: "stances", key: `c-sta-${u}`, record: { ...first("stances"), id: `c-sta-${u}` } },
        reaction: { collection: "reactions", key: `c-rea-${u}`, record: { ...first("reactions"), id: `c-rea-${u}` } },
        gap: {
          collection: "gaps",
          key: `c-act-${u}~${POSTURE}`,
          record: { actor: `c-act-${u}`, topic: POSTURE, note: "The sources say nothing of this test actor." },
        },
      };
      (records.source as { record: Json }).record.url = "https://example.org/contract";
      let draftId = "";
      for (const [type, r] of Object.entries(records)) {
        await call(editor, "POST", `/api/v1/${r.collection}`, { data: { nonsense: true }, expect: 400 });
        const saved = await call(editor, "POST", `/api/v1/${r.collection}${draftId ? `?draft=${draftId}` : `?title=contract-${u}`}`, {
          data: r.record,
          expect: 201,
        });
        draftId ||= String(saved.body.draftId);
        expect(saved.body.draftId, type).toBe(draftId);
        await call(editor, "POST", `/api/v1/${r.collection}?draft=${draftId}`, { data: r.record, expect: 409 });
      }
      await call(editor, "POST", "/api/v1/sources?draft=d-none", { data: sourceRecord(`c-src2-${u}`), expect: 404 });
      await call(editor, "POST", "/api/v1/sources", {
        data: { ...sourceRecord(`c-bad-${u}`), url: 'https://example.org/"><img src=x>' },
        expect: 400,
      });
      await call(editor, "GET", "/api/v1/drafts", { expect: 200 });
      await call(editor, "GET", "/api/v1/drafts?status=nope", { expect: 400 });
      const draft = await call(editor, "GET", `/api/v1/drafts/${draftId}`, { expect: 200 });
      expect((draft.body.items as unknown[]).length).toBe(7);
      await call(editor, "GET", "/api/v1/drafts/d-none", { expect: 404 });
      await call(editor, "POST", `/api/v1/drafts/${draftId}/publish`, { data: {}, expect: 403 });
      await call(reviewer, "POST", `/api/v1/drafts/${draftId}/publish`, { data: { comment: 1 }, expect: 400 });
      await call(reviewer, "POST", `/api/v1/drafts/${draftId}/publish`, { data: { expectedVersion: 999 }, expect: 409 });
      await call(reviewer, "POST", `/api/v1/drafts/${draftId}/publish`, { data: { comment: "contract" }, expect: 200 });
      await call(reviewer, "POST", "/api/v1/drafts/d-none/publish", { data: {}, expect: 404 });
      await call(reviewer, "POST", `/api/v1/drafts/${draftId}/return`, { data: { comment: "again" }, expect: 409 });

      // ---- Each record: head, history, change, conflict, deletion, revert. ----
      for (const [type, r] of Object.entries(records)) {
        const item = `/api/v1/${r.collection}/${encodeURIComponent(r.key)}`;
        await call(editor, "GET", `/api/v1/${r.collection}/no-such-${u}/head`, { expect: 404 });
        await call(editor, "GET", `/api/v1/${r.collection}/no-such-${u}/history`, { expect: 404 });
        const head = await call(editor, "GET", `${item}/head`, { expect: 200 });
        const changeable = type === "gap" ? { note: "Changed by the contract test." } : { nonsense: undefined };
        await call(editor, "PATCH", item, { data: { ...changeable }, expect: 400 });
        await call(editor, "PATCH", item, { data: { ...changeable, expectedVersion: "99.0" }, expect: 409 });
        await call(editor, "PATCH", `/api/v1/${r.collection}/no-such-${u}`, { data: { expectedVersion: "1.0" }, expect: 404 });
        const patched = await call(editor, "PATCH", item, { data: { ...changeable, expectedVersion: head.body.version }, expect: 200 });
        await call(editor, "DELETE", `${item}?expectedVersion=bad`, { expect: 400 });
        await call(editor, "DELETE", `${item}?expectedVersion=${patched.body.version}`, { expect: type === "actor" ? 409 : 200 });
        await call(editor, "GET", `${item}/history`, { expect: 200 });
        await call(editor, "POST", `${item}/revert`, { data: { revision: 1, expectedVersion: 1 }, expect: 403 });
        await call(reviewer, "POST", `${item}/revert`, { data: { revision: "one" }, expect: 400 });
        await call(reviewer, "POST", `${item}/revert`, { data: { revision: 1, expectedVersion: 7 }, expect: 409 });
        await call(reviewer, "POST", `${item}/revert`, { data: { revision: 5, expectedVersion: 1 }, expect: 404 });
        await call(reviewer, "POST", `${item}/revert`, { data: { revision: 1, expectedVersion: 1 }, expect: 200 });
      }

      // ---- The review queue: send back, withdraw. ----
      const extra = await call(editor, "POST", `/api/v1/sources?title=contract-return-${u}`, {
        data: sourceRecord(`c-ret-${u}`),
        expect: 201,
      });
      await call(reviewer, "POST", `/api/v1/drafts/${extra.body.draftId}/return`, { data: { comment: "" }, expect: 400 });
      await call(editor, "POST", `/api/v1/drafts/${extra.body.draftId}/return`, { data: { comment: "no" }, expect: 403 });
      await call(reviewer, "POST", `/api/v1/drafts/${extra.body.draftId}/return`, { data: { comment: "Cite more." }, expect: 204 });
      await call(reviewer, "POST", "/api/v1/drafts/d-none/return", { data: { comment: "x" }, expect: 404 });
      await call(editor, "DELETE", `/api/v1/drafts/${extra.body.draftId}`, { expect: 204 });
      await call(editor, "DELETE", `/api/v1/drafts/${extra.body.draftId}`, { expect: 409 });
      await call(editor, "DELETE", "/api/v1/drafts/d-none", { expect: 404 });

      // ---- Import. ----
      const importable = { sources: [sourceRecord(`c-imp-${u}`)] };
      await call(editor, "POST", "/api/v1/import?dryRun=true", { data: importable, expect: 200 });
      await call(editor, "POST", "/api/v1/import?dryRun=true", { data: { sources: [{ id: "Bad Id" }] }, expect: 200 });
      await call(editor, "POST", "/api/v1/import?dryRun=false", { data: { sources: [{ id: "Bad Id" }] }, expect: 422 });
      await call(editor, "POST", "/api/v1/import?format=xml", { data: importable, expect: 400 });
      await call(editor, "POST", "/api/v1/import?dryRun=false&publish=true", { data: importable, expect: 403 });

      // ---- Source texts and the quote check. ----
      const text = `A contract text ${u}: “the quoted words” and more.`;
      await call(anonymous, "POST", "/api/v1/source-texts", { data: { text }, expect: 401 });
      await call(editor, "POST", "/api/v1/source-texts", { data: { text: "x\u0000" }, expect: 400 });
      const stored = await call(editor, "POST", "/api/v1/source-texts", { data: { text }, expect: 201 });
      const textSource = await call(editor, "POST", "/api/v1/sources", {
        data: { ...sourceRecord(`c-txt-${u}`), text: stored.body },
        expect: 201,
      });
      expect(textSource.body.draftId).toBeTruthy();
      await call(editor, "GET", `/api/v1/sources/c-txt-${u}/text`, { expect: 200 });
      await call(editor, "GET", `/api/v1/sources/no-such-${u}/text`, { expect: 404 });
      await call(anonymous, "GET", `/api/v1/sources/c-txt-${u}/text`, { expect: 401 });
      await call(editor, "POST", "/api/v1/quote-check", { data: { source: `c-txt-${u}`, text: '"the quoted words"' }, expect: 200 });
      await call(editor, "POST", "/api/v1/quote-check", { data: { source: `c-txt-${u}`, text: "other words" }, expect: 200 });
      await call(editor, "POST", "/api/v1/quote-check", {
        data: { source: "bbc-2025-07-05-russia-recognises-taliban", text: "x" },
        expect: 200,
      });
      await call(editor, "POST", "/api/v1/quote-check", { data: { source: `no-such-${u}`, text: "x" }, expect: 400 });
      await call(anonymous, "POST", "/api/v1/quote-check", { data: { source: `c-txt-${u}`, text: "x" }, expect: 401 });

      // ---- Audit, users and tokens. ----
      await call(editor, "GET", "/api/v1/audit?limit=5", { expect: 200 });
      await call(admin, "GET", "/api/v1/audit?limit=1", { expect: 200 });
      await call(admin, "GET", "/api/v1/audit?limit=0", { expect: 400 });
      await call(editor, "GET", "/api/v1/users", { expect: 403 });
      await call(admin, "GET", "/api/v1/users", { expect: 200 });
      await call(admin, "POST", "/api/v1/users", { data: { email: "not-an-email" }, expect: 400 });
      await call(editor, "POST", "/api/v1/users", { data: { email: `c-${u}@e2e.test` }, expect: 403 });
      const user = await call(admin, "POST", "/api/v1/users", {
        data: { email: `c-${u}@e2e.test`, name: "Contract Test", role: "editor", password: `pw-${u}-long-enough` },
        expect: 201,
      });
      await call(admin, "PATCH", `/api/v1/users/${user.body.id}`, { data: { role: "nobody" }, expect: 400 });
      await call(editor, "PATCH", `/api/v1/users/${user.body.id}`, { data: { role: "reviewer" }, expect: 403 });
      await call(admin, "PATCH", "/api/v1/users/u-none", { data: { role: "reviewer" }, expect: 404 });
      await call(admin, "PATCH", `/api/v1/users/${user.body.id}`, { data: { role: "reviewer" }, expect: 200 });
      await call(admin, "POST", `/api/v1/users/${user.body.id}/tokens`, { data: { name: "" }, expect: 400 });
      await call(editor, "POST", `/api/v1/users/${user.body.id}/tokens`, { data: { name: "t" }, expect: 403 });
      await call(admin, "POST", "/api/v1/users/u-none/tokens", { data: { name: "t" }, expect: 404 });
      const token = await call(admin, "POST", `/api/v1/users/${user.body.id}/tokens`, { data: { name: `contract ${u}` }, expect: 201 });
      await call(editor, "DELETE", `/api/v1/tokens/${token.body.id}`, { expect: 403 });
      await call(admin, "DELETE", `/api/v1/tokens/${token.body.id}`, { expect: 204 });
      await call(admin, "DELETE", "/api/v1/tokens/t-none", { expect: 404 });
      // The account changes this test made are in the log, each valid as a documented Change.
      const log = await call(admin, "GET", "/api/v1/audit?limit=500", { expect: 200 });
      const actions = new Set((log.body.data as { action: string }[]).map((c) => c.action));
      for (const action of ["user.create", "user.update", "token.create", "token.revoke"]) expect(actions, action).toContain(action);
      await call(anonymous, "GET", "/api/v1/users", { headers: { authorization: `Bearer ${token.body.token}` }, expect: 401 });
    } finally {
      await Promise.all([editor.dispose(), reviewer.dispose(), admin.dispose(), anonymous.dispose()]);
    }

    const uncovered = ops.map((op) => `${op.method} ${op.path}`).filter((key) => !covered.has(key));
    console.log(
      `contract: ${ops.length} operations, ${[...covered.values()].reduce((n, s) => n + s.size, 0)} (operation, status) pairs checked`,
    );
    expect(uncovered, "operations never called").toEqual([]);
    expect(disagreements, "answers that disagree with the document").toEqual([]);
  });
});
