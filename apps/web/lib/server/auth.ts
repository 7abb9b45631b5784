// Sign-in, sessions and sign-out: better-auth with its Prisma adapter (email and password, scrypt
// hashes, sessions in the database, httpOnly SameSite=Lax cookies, Secure behind HTTPS). Accounts are
// made by admins, never by sign-up. Failed sign-ins back off per account and address (accounts.ts).
import "server-only";
import { authDatabase, beginSignInAttempt, getDb, instanceSecret, principalForUser, settleSignInAttempt } from "@stancemap/db";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { afterOwnAccountChange, beforeOwnAccountChange } from "./auth-account";
import { clientAddress } from "./client-address";
import { env } from "./env";
import { ownOrigins } from "./origins";

/** Sign-in attempts counted before the password check, by request, until the answer settles them. */
const attempts = new WeakMap<Request, string>();

async function createAuth() {
  const db = getDb();
  const secret = env.BETTER_AUTH_SECRET ?? (await instanceSecret(db));
  const secure = env.STANCEMAP_PUBLIC_URL?.startsWith("https:") ?? false;
  return betterAuth({
    appName: "Stancemap",
    database: authDatabase(db),
    secret,
    ...(env.STANCEMAP_PUBLIC_URL ? { baseURL: env.STANCEMAP_PUBLIC_URL } : {}),
    // Same-origin only: the origins the request was addressed to (wherever the app is served from) and the public URL.
    trustedOrigins: async (request) => [
      ...(request ? ownOrigins(request) : []),
      ...(env.STANCEMAP_PUBLIC_URL ? [env.STANCEMAP_PUBLIC_URL] : []),
    ],
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 200 },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "editor" },
        disabled: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Our own limiter (below) counts failures, not requests: editors signing in often are never slowed.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/update-user" || ctx.path === "/change-password") {
          await beforeOwnAccountChange(ctx);
          return;
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase();
        const address = ctx.request ? clientAddress(ctx.request.headers) : null;
        const attempt = await beginSignInAttempt(db, email, address);
        if (attempt.blocked) {
          const wait = attempt.retryAfterSeconds;
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              message: `Too many failed sign-ins. Try again in ${wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`,
              code: "TOO_MANY_FAILED_SIGN_INS",
            },
            { "Retry-After": String(wait) },
          );
        }
        if (ctx.request && attempt.id) attempts.set(ctx.request, attempt.id);
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/update-user" || ctx.path === "/change-password") {
          await afterOwnAccountChange(ctx);
          return;
        }
        if (ctx.path !== "/sign-in/email" || !ctx.request) return;
        const id = attempts.get(ctx.request);
        if (!id) return;
        attempts.delete(ctx.request);
        const returned = ctx.context.returned;
        // Only a wrong email or password stays counted: a refused origin or a success guesses nothing.
        await settleSignInAttempt(db, id, returned instanceof APIError && returned.status === "UNAUTHORIZED");
        // The session travels in its httpOnly cookie only: the answer's body does not repeat the token.
        if (returned && typeof returned === "object" && !(returned instanceof APIError) && "token" in returned) {
          const { token: _token, ...rest } = returned as Record<string, unknown>;
          return ctx.json(rest);
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account's correct password gets no session, and the very answer a wrong password gets.
          before: async (session) => {
            if (await principalForUser(db, session.userId)) return;
            throw APIError.from("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const globalForAuth = globalThis as unknown as { stancemapAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  // A failure (the database not reachable yet) is not kept: the next request tries again.
  globalForAuth.stancemapAuth ??= createAuth().catch((error: unknown) => {
    globalForAuth.stancemapAuth = undefined;
    throw error;
  });
  return globalForAuth.stancemapAuth;
}
