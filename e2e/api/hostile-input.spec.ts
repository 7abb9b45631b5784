// Hostile input and abuse over real HTTP against the production build (issue 11): each test is named
// for what an attacker or a careless client does, and checks the answer is a 4xx with nothing written
// and the site still serving.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { actorRecord, apiAs, sessionCookie, signInRequest, stanceRecord, unique } from "../support/api-session";
import { account } from "../support/auth";

const here = dirname(fileURLToPath(import.meta.url));

/** The build's server action ids by exported name, to call them as a crafted request would. */
function actionId(name: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(
    readFileSync(join(here, "..", "..", "apps", "web", dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!hit) throw new Error(`no server action ${name} in the build`);
  return hit[0];
}

async function siteStillServes(request: APIRequestContext, baseURL: string) {
  for (const path of ["/api/v1/topics", "/", "/admin/sign-in", "/actors/russia"])
    expect((await request.get(path)).status(), path).toBe(200);
  expect((await signInRequest(request, baseURL, account("reviewer"))).status()).toBe(200);
}

async function newAccount(playwright: Parameters<typeof apiAs>[0], baseURL: string, role: "editor" | "reviewer" = "editor") {
  const admin = await apiAs(playwright, baseURL, "admin");
  const email = `hostile-${unique()}@e2e.test`;
  const password = `right-${unique()}-password`;
  try {
    const made = await admin.post("/api/v1/users", { data: { email, name: "Hostile test", role, password } });
    expect(made.status(), await made.text()).toBe(201);
    return { email, password, id: (await made.json()).id as string };
  } finally {
    await admin.dispose();
  }
}

test.describe("prototype pollution (finding 1)", () => {
  test("an editor's CSV with a __proto__ or constructor.prototype column is refused and the site keeps serving", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      for (const column of ["__proto__.polluted", "constructor.prototype.polluted"])
        for (const dryRun of ["true", "false"]) {
          const res = await editor.post(`/api/v1/import?format=csv&type=actor&dryRun=${dryRun}`, {
            data: `slug,name,kind,${column}\nx-${unique()},y,group,yes\n`,
            headers: { "content-type": "text/csv" },
          });
          expect(res.status(), `${column} dryRun=${dryRun}`).toBe(400);
          expect(JSON.stringify(await res.json())).toContain(column);
        }
    } finally {
      await editor.dispose();
    }
    await siteStillServes(request, baseURL as string);
  });

  test("an admin's JSON body with a __proto__ key, at the top or nested, is refused naming where, and nothing is written", async ({
    playwright,
    baseURL,
  }) => {
    const admin = await apiAs(playwright, baseURL as string, "admin");
    try {
      const slug = `proto-${unique()}`;
      const made = await admin.post("/api/v1/actors", {
        data: `{"slug":"${slug}","name":"Proto","kind":"group","__proto__":{"admin":true}}`,
        headers: { "content-type": "application/json" },
      });
      expect(made.status()).toBe(400);
      expect(await made.json()).toMatchObject({ errors: [{ field: "__proto__", code: "forbidden_key" }] });
      expect((await admin.get(`/api/v1/actors/${slug}/head`)).status()).toBe(404);

      const before = await (await admin.get("/api/v1/actors/russia/head")).json();
      const patch = await admin.patch("/api/v1/actors/russia", {
        data: `{"description":"polluted","names":{"__proto__":{"x":1}},"expectedVersion":${JSON.stringify(before.version)}}`,
        headers: { "content-type": "application/json" },
      });
      expect(patch.status()).toBe(400);
      expect(await patch.json()).toMatchObject({ errors: [{ field: "names.__proto__" }] });
      expect(await (await admin.get("/api/v1/actors/russia/head")).json()).toEqual(before);
    } finally {
      await admin.dispose();
    }
  });

  test("a body up to the 16 MB limit is read whole, and one over it is refused as too big with or without its length", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      // A source's text near the limit with every letter escaped, as Python's json writes it by default:
      // 11.9 MB of JSON, past the 11 MiB Next used to buffer (it cut the body and it was "not valid JSON").
      const text = "阿".repeat(1_990_000);
      const escaped = `{"text":"${"\\u963f".repeat(1_990_000)}"}`;
      expect(escaped.length).toBeGreaterThan(11 * 1024 * 1024);
      const stored = await editor.post("/api/v1/source-texts", { data: escaped, headers: { "content-type": "application/json" } });
      expect(stored.status(), (await stored.text()).slice(0, 300)).toBe(201);
      expect(await stored.json()).toEqual({ sha256: createHash("sha256").update(text, "utf8").digest("hex"), length: 1_990_000 });

      // 17 MB, with its length declared, then streamed in 64 KiB pieces with none (chunked).
      const over = Buffer.from(`{"text":"${"a".repeat(17 * 1024 * 1024)}"}`);
      const declared = await editor.post("/api/v1/source-texts", { data: over, headers: { "content-type": "application/json" } });
      expect(declared.status()).toBe(400);
      expect(await declared.json()).toMatchObject({ errors: [{ field: "body", code: "too_big" }] });
      const cookie = await sessionCookie(editor);
      const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          new URL("/api/v1/source-texts", baseURL),
          { method: "POST", headers: { "content-type": "application/json", origin: baseURL as string, cookie } },
          (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (d: string) => {
              body += d;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on("error", reject);
        for (let at = 0; at < over.length; at += 64 * 1024) req.write(over.subarray(at, at + 64 * 1024));
        req.end();
      });
      expect(streamed.status, streamed.body.slice(0, 300)).toBe(400);
      expect(JSON.parse(streamed.body)).toMatchObject({ errors: [{ field: "body", code: "too_big" }] });
    } finally {
      await editor.dispose();
    }
    await siteStillServes(request, baseURL as string);
  });

  test("an auth call with a body of a hundred thousand keys is refused at once, naming body, and sign-in still works", async ({
    request,
    baseURL,
  }) => {
    // better-auth validates every key of a body before it looks at the call: 16 MB of them held the server
    // for seconds. An auth body is an email, a password, a name: 64 KiB at most.
    const keys = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}":1`).join(",")}}`;
    for (const path of ["/api/auth/sign-up/email", "/api/auth/sign-in/email"]) {
      const res = await request.post(path, { data: keys, headers: { "content-type": "application/json", origin: baseURL as string } });
      expect(res.status(), path).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ field: "body", code: "too_big" }] });
    }
    await siteStillServes(request, baseURL as string);
  });

  test("a stance citing more than 50 sources is refused naming evidence, and nothing is written", async ({ playwright, baseURL }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      const id = `many-sources-${unique()}`;
      const cite = (n: number) => Array.from({ length: n }, (_, i) => ({ source: "news-004-russia-first-country", locator: `p${i}` }));
      const refused = await editor.post("/api/v1/stances", {
        data: stanceRecord(id, "russia", "news-004-russia-first-country", { evidence: cite(51) }),
      });
      expect(refused.status()).toBe(400);
      expect(await refused.json()).toMatchObject({ errors: [{ field: "evidence", code: "too_big" }] });
      expect((await editor.get(`/api/v1/stances/${id}/head`)).status()).toBe(404);
    } finally {
      await editor.dispose();
    }
  });

  test("a visitor asking for kind, sent or nkind = constructor gets a 400 naming it from exports and defaults on pages, never a 500", async ({
    request,
  }) => {
    const cases: [string, string][] = [
      ["/api/v1/export/network.svg?nkind=constructor", "nkind"],
      ["/api/v1/export/network.svg?sent=constructor", "sent"],
      ["/api/v1/export/map.svg?kind=constructor", "kind"],
      ["/api/v1/export/map.svg?kind=__proto__", "kind"],
      // A parameter named __proto__, which Next's parsing would drop: refused by the entry, named.
      ["/api/v1/export/map.png?__proto__=x", "__proto__"],
      ["/api/v1/stances?topic=posture-toward-taliban-government&__proto__=x", "__proto__"],
      // A lone surrogate or a broken escape, which the query parser would turn into another text: named.
      ["/api/v1/export/map.svg?title=x%ED%A0%80y", "title"],
      ["/api/v1/export/map.png?subtitle=100%zz", "subtitle"],
    ];
    for (const [path, parameter] of cases) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(parameter);
    }
    expect((await request.get("/embed/network?nkind=constructor")).status()).toBe(404);
    for (const path of ["/?view=network&nkind=constructor&sent=constructor", "/?kind=constructor", "/?kind=toString&view=table"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(await res.text()).not.toContain("native code");
    }
  });
});

test.describe("repeated query parameters (found by the fuzz)", () => {
  test("a visitor opening the sign-in page with next= given twice gets the page, never a 500", async ({ request }) => {
    const res = await request.get("/admin/sign-in?next=null&next=again", { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("Sign in to edit");
  });
});

test.describe("drafts belong to their author (finding 3)", () => {
  test("editor B cannot change or discard editor A's draft: 403 with the reason, and A's change stays", async ({ playwright, baseURL }) => {
    const b = await newAccount(playwright, baseURL as string);
    const alice = await apiAs(playwright, baseURL as string, "editor");
    const bob = await apiAs(playwright, baseURL as string, b);
    try {
      const slug = `owned-${unique()}`;
      const made = await alice.post("/api/v1/actors", { data: actorRecord(slug) });
      expect(made.status()).toBe(201);
      const draftId = (await made.json()).draftId as string;
      const { version } = await (await bob.get(`/api/v1/actors/${slug}/head`)).json();
      const patch = await bob.patch(`/api/v1/actors/${slug}`, { data: { name: "Taken over", expectedVersion: version } });
      expect(patch.status()).toBe(403);
      expect((await patch.json()).detail).toContain("only its author or a reviewer");
      expect((await bob.delete(`/api/v1/actors/${slug}?expectedVersion=${version}`)).status()).toBe(403);
      const head = await (await alice.get(`/api/v1/actors/${slug}/head`)).json();
      expect(head.draft).toMatchObject({ draftId, record: { name: `Test actor ${slug}` } });
    } finally {
      await alice.dispose();
      await bob.dispose();
    }
  });
});

test.describe("500s on hostile input (finding 5)", () => {
  test("a lone surrogate in a name or a description is refused naming the field, and no draft is stored", async ({
    playwright,
    baseURL,
  }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      for (const field of ["name", "description"]) {
        const slug = `surrogate-${unique()}`;
        const res = await editor.post("/api/v1/actors", {
          data: `{"slug":"${slug}","name":"ok","kind":"group","${field}":"x\\ud800y"}`,
          headers: { "content-type": "application/json" },
        });
        expect(res.status(), field).toBe(400);
        expect(JSON.stringify(await res.json())).toContain(field);
        expect((await editor.get(`/api/v1/actors/${slug}/head`)).status()).toBe(404);
      }
    } finally {
      await editor.dispose();
    }
  });

  test("a CSV row with more cells than the header is that row's error, not a 500", async ({ playwright, baseURL }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      const res = await editor.post("/api/v1/import?format=csv&type=actor&dryRun=true", {
        data: `slug,name,kind\nwide-${unique()},Wide,group,extra,cells\n`,
        headers: { "content-type": "text/csv" },
      });
      expect(res.status()).toBe(400);
      expect(JSON.stringify(await res.json())).toContain("more cells than the header");
    } finally {
      await editor.dispose();
    }
  });

  test("an audit log asked for the last storable day or a cursor it never gave answers, not fails", async ({ playwright, baseURL }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      expect((await editor.get("/api/v1/audit?to=9999-12-31")).status()).toBe(200);
      expect((await editor.get("/api/v1/audit?cursor=99999999999999999999")).status()).toBe(400);
      expect((await editor.get("/admin/audit?cursor=99999999999999999999")).status()).toBe(200);
    } finally {
      await editor.dispose();
    }
  });

  test("server actions called with argument shapes their forms never send get a 400 result, not a 500", async ({ playwright, baseURL }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      const calls: [string, string, unknown[]][] = [
        ["saveRecord", "/admin/actors/new", ["x"]],
        [
          "saveRecord",
          "/admin/actors/new",
          [{ type: "actor", key: null, record: { slug: "x" }, newSources: [null], expectedVersion: null }],
        ],
        ["deleteRecord", "/admin/actors/new", [{ type: "actor", key: { $ne: 1 }, expectedVersion: "1.0" }]],
        ["publishDraftAction", "/admin/review", [null, "x"]],
        ["withdrawDraftAction", "/admin/review", [null, 42]],
        ["importAction", "/admin/transfer", [{ file: "x" }]],
        ["changeRoleAction", "/admin/users", [null, [1, 2]]],
        ["revertAction", "/admin/review", [null, null]],
      ];
      for (const [name, path, args] of calls) {
        const res = await editor.post(path, {
          data: JSON.stringify(args),
          headers: { "next-action": actionId(name), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        });
        expect(res.status(), name).toBeLessThan(500);
        expect(await res.text(), name).toContain('"status":400');
      }
    } finally {
      await editor.dispose();
    }
  });
});

test.describe("server actions and Origin (findings 5 and 6)", () => {
  test("a multipart import posted to /admin/transfer with the editor's cookie but no, a null or a foreign Origin is refused (403) and makes no draft", async ({
    playwright,
    baseURL,
  }) => {
    const editor = await apiAs(playwright, baseURL as string, "editor", { origin: false });
    try {
      const before = (await (await editor.get("/api/v1/drafts?limit=500")).json()).data.length;
      const slug = `no-origin-${unique()}`;
      for (const origin of [undefined, "null", "http://evil.example"]) {
        const res = await editor.post("/admin/transfer", {
          multipart: {
            [`$ACTION_ID_${actionId("importAction")}`]: "",
            file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from(`slug,name,kind\n${slug},X,group\n`) },
            type: "actor",
            intent: "commit",
          },
          headers: origin ? { origin } : {},
        });
        expect(res.status(), `Origin: ${origin ?? "(none)"}`).toBe(403);
        expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      }
      expect((await editor.get(`/api/v1/actors/${slug}/head`)).status()).toBe(404);
      expect((await (await editor.get("/api/v1/drafts?limit=500")).json()).data.length).toBe(before);
    } finally {
      await editor.dispose();
    }
  });
});

test.describe("revert of nothing (finding 7)", () => {
  test("a reviewer reverting a record that never existed gets 404, with no audit row and no revision bump", async ({
    playwright,
    baseURL,
    request,
  }) => {
    const reviewer = await apiAs(playwright, baseURL as string, "reviewer");
    try {
      const revision = (await (await request.get("/api/health")).json()).database.revision;
      const audit = (await (await reviewer.get("/api/v1/audit?limit=500")).json()).data.length;
      const res = await reviewer.post(`/api/v1/actors/never-existed-${unique()}/revert`, { data: { revision: 0, expectedVersion: 0 } });
      expect(res.status()).toBe(404);
      expect((await (await request.get("/api/health")).json()).database.revision).toBe(revision);
      expect((await (await reviewer.get("/api/v1/audit?limit=500")).json()).data.length).toBe(audit);
    } finally {
      await reviewer.dispose();
    }
  });
});

test.describe("disclosure (finding 8)", () => {
  test("an editor reading the audit log sees no other account's email or id and no token names", async ({ playwright, baseURL }) => {
    const admin = await apiAs(playwright, baseURL as string, "admin");
    const tokenName = `secret-name-${unique()}`;
    try {
      const users = (await (await admin.get("/api/v1/users")).json()) as
        | { data?: { id: string; email: string }[] }
        | { id: string; email: string }[];
      const list = Array.isArray(users) ? users : (users.data ?? []);
      const reviewer = list.find((u) => u.email === account("reviewer").email);
      expect(reviewer).toBeTruthy();
      expect((await admin.post(`/api/v1/users/${reviewer?.id}/tokens`, { data: { name: tokenName } })).status()).toBe(201);
    } finally {
      await admin.dispose();
    }
    const editor = await apiAs(playwright, baseURL as string, "editor");
    try {
      const text = await (await editor.get("/api/v1/audit?limit=500")).text();
      expect(text).not.toContain(tokenName);
      for (const role of ["reviewer", "admin"] as const) expect(text).not.toContain(account(role).email);
    } finally {
      await editor.dispose();
    }
  });

  test("a disabled account's right password gets exactly the answer a wrong one gets", async ({ playwright, baseURL, request }) => {
    test.setTimeout(90_000);
    const who = await newAccount(playwright, baseURL as string);
    const admin = await apiAs(playwright, baseURL as string, "admin");
    try {
      expect((await admin.patch(`/api/v1/users/${who.id}`, { data: { disabled: true } })).status()).toBe(200);
    } finally {
      await admin.dispose();
    }
    const right = await signInRequest(request, baseURL as string, who);
    const wrong = await signInRequest(request, baseURL as string, { email: who.email, password: "wrong-password-1" });
    expect(right.status()).toBe(401);
    expect(right.status()).toBe(wrong.status());
    expect(await right.json()).toEqual(await wrong.json());
  });

  test("X-Forwarded-Host never becomes the permalink printed in an export", async ({ request }) => {
    const res = await request.get(`/api/v1/export/map.svg?title=${unique()}`, {
      headers: { "x-forwarded-host": "evil.example", host: "evil.example" },
    });
    expect(res.status()).toBe(200);
    expect(await res.text()).not.toContain("evil.example");
  });
});

test.describe("sign-in throttling and accounts (findings 4 and 9)", () => {
  test("rotating X-Forwarded-For buys no extra guesses: the 6th wrong password for one account gets 429 with Retry-After", async ({
    playwright,
    baseURL,
  }) => {
    // Seven sign-ins, each a deliberate scrypt check: slow on a loaded machine.
    test.setTimeout(120_000);
    const who = await newAccount(playwright, baseURL as string);
    const client = await playwright.request.newContext({ baseURL });
    try {
      for (let i = 1; i <= 5; i++) {
        const res = await client.post("/api/auth/sign-in/email", {
          data: { email: who.email, password: `wrong-password-${i}` },
          headers: { origin: baseURL as string, "x-forwarded-for": `203.0.113.${i}` },
        });
        expect(res.status(), `guess ${i}`).toBe(401);
      }
      const held = await client.post("/api/auth/sign-in/email", {
        data: { email: who.email, password: "wrong-password-6" },
        headers: { origin: baseURL as string, "x-forwarded-for": "198.51.100.7, 203.0.113.99" },
      });
      expect(held.status()).toBe(429);
      expect(Number(held.headers()["retry-after"])).toBeGreaterThan(0);
      // Another account from the same address is not held back.
      expect((await signInRequest(client, baseURL as string, account("editor"))).status()).toBe(200);
    } finally {
      await client.dispose();
    }
  });

  test("signing in answers without the session token in the body; renaming yourself and changing your password are audited, and the password change revokes your API tokens", async ({
    playwright,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const who = await newAccount(playwright, baseURL as string);
    const admin = await apiAs(playwright, baseURL as string, "admin");
    let token: string;
    try {
      const made = await admin.post(`/api/v1/users/${who.id}/tokens`, { data: { name: "scripts" } });
      expect(made.status()).toBe(201);
      token = (await made.json()).token;
    } finally {
      await admin.dispose();
    }
    const bearer = { authorization: `Bearer ${token}` };
    expect((await playwright.request.newContext({ baseURL, extraHTTPHeaders: bearer }).then((c) => c.get("/api/v1/drafts"))).status()).toBe(
      200,
    );

    const me = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL as string } });
    try {
      const signedIn = await signInRequest(me, baseURL as string, who);
      expect(signedIn.status()).toBe(200);
      expect(await signedIn.json()).not.toHaveProperty("token");
      expect((await me.post("/api/auth/update-user", { data: { name: "x\ud800y" } })).status()).toBe(400);
      expect((await me.post("/api/auth/update-user", { data: { name: "Renamed", role: "admin" } })).status()).toBe(400);
      expect((await me.post("/api/auth/update-user", { data: { name: "Renamed" } })).status()).toBe(200);
      const changed = await me.post("/api/auth/change-password", {
        data: { currentPassword: who.password, newPassword: `new-${unique()}-password`, revokeOtherSessions: true },
      });
      expect(changed.status(), await changed.text()).toBe(200);
      const audit = (await (await me.get(`/api/v1/audit?user=${who.id}&limit=50`)).json()).data as { action: string }[];
      expect(audit.map((c) => c.action)).toEqual(expect.arrayContaining(["user.rename", "user.password"]));
    } finally {
      await me.dispose();
    }
    const after = await playwright.request.newContext({ baseURL, extraHTTPHeaders: bearer });
    try {
      expect((await after.get("/api/v1/drafts")).status()).toBe(401);
    } finally {
      await after.dispose();
    }
  });
});
