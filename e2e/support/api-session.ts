// API clients for the write-API specs: signed in through better-auth's endpoint as a script would,
// sending the site's own Origin on every request the way a browser on the site does.
import { type APIRequestContext, type APIResponse, expect, type PlaywrightWorkerArgs } from "@playwright/test";
import { account, type Role } from "./auth";

export const POSTURE = "posture-toward-taliban-government";

/** A short suffix that keeps this test's records apart from every other test's, as a slug part. */
export function unique(): string {
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function signInRequest(
  api: APIRequestContext,
  baseURL: string,
  credentials: { email: string; password: string },
): Promise<APIResponse> {
  return api.post("/api/auth/sign-in/email", { data: credentials, headers: { origin: baseURL } });
}

/** A request context signed in as `who` (a test account's role or any credentials), with a same-site Origin by default. */
export async function apiAs(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  who: Role | { email: string; password: string },
  opts: { origin?: boolean } = {},
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({
    baseURL,
    ...(opts.origin === false ? {} : { extraHTTPHeaders: { origin: baseURL } }),
  });
  const res = await signInRequest(api, baseURL, typeof who === "string" ? account(who) : who);
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/** The session cookie as a `Cookie` header value, to replay it from another client. */
export async function sessionCookie(api: APIRequestContext): Promise<string> {
  const { cookies } = await api.storageState();
  const session = cookies.find((c) => c.name.endsWith("better-auth.session_token"));
  expect(session, "a session cookie after signing in").toBeTruthy();
  return `${session?.name}=${session?.value}`;
}

export function sourceRecord(id: string) {
  return {
    id,
    publisher: "E2E Wire",
    title: `Test source ${id}`,
    publishedOn: "2025-07-05",
    reliability: "A fixture made by the end-to-end tests.",
  };
}

export function actorRecord(slug: string, name = `Test actor ${slug}`) {
  return { slug, name, kind: "group" as const, description: "first" };
}

export function stanceRecord(id: string, actor: string, source: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    actor,
    topic: POSTURE,
    category: "limited-engagement",
    validFrom: "2025-07-05",
    attested: "2025-07-05",
    confidence: "medium",
    summary: "Holds talks without recognising the government.",
    evidence: [{ source }],
    ...extra,
  };
}
