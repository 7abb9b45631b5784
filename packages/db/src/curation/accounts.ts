// People and access: users (created by admins or the admin:create command), API tokens, and the
// counts of failed sign-ins that throttle guessing. Passwords are hashed by better-auth's scrypt.
import { createHash, randomBytes } from "node:crypto";
import { NewUser, type Role, type User, UserPatch } from "@stancemap/core";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client";
import { CurationError, InvalidInput, NotFound, type Principal, requireRole, zodIssues } from "./errors";
import type { Tx } from "./records";
import { curationTx, newId, recordChange } from "./tx";

export type UserView = User;

type UserRow = Awaited<ReturnType<Db["prisma"]["user"]["findMany"]>>[number] & {
  tokens?: Awaited<ReturnType<Db["prisma"]["apiToken"]["findMany"]>>;
};

function view(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    tokens: (u.tokens ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revokedAt: t.revokedAt?.toISOString() ?? null,
    })),
  };
}

/** Creates a user with a password, outside any session: the admin:create command and admins use this. */
export async function createUserRecord(db: Db, by: Principal | null, input: unknown): Promise<UserView> {
  const parsed = NewUser.safeParse(input);
  if (!parsed.success) throw new InvalidInput(zodIssues(parsed.error));
  const { email, name, role, password } = parsed.data;
  const hash = await hashPassword(password);
  return curationTx(db, async (tx) => {
    const lower = email.toLowerCase();
    if (await tx.user.findUnique({ where: { email: lower } }))
      throw new InvalidInput(
        [{ field: "email", code: "exists", message: "a user with this email exists" }],
        "a user with this email exists",
      );
    const id = newId("u");
    const user = await tx.user.create({ data: { id, email: lower, name, role, emailVerified: true } });
    await tx.account.create({ data: { id: newId("a"), accountId: id, providerId: "credential", userId: id, password: hash } });
    await recordChange(tx, by, {
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: JSON.stringify({ record: { email: lower, name, role } }),
    });
    return view(user);
  });
}

export async function createUser(db: Db, who: Principal | null, input: unknown): Promise<UserView> {
  return createUserRecord(db, requireRole(who, "admin"), input);
}

export async function listUsers(db: Db, who: Principal | null): Promise<UserView[]> {
  requireRole(who, "admin");
  const users = await db.prisma.user.findMany({ include: { tokens: { orderBy: { createdAt: "desc" } } }, orderBy: { email: "asc" } });
  return users.map(view);
}

export async function updateUser(db: Db, who: Principal | null, id: string, input: unknown): Promise<UserView> {
  const admin = requireRole(who, "admin");
  const parsed = UserPatch.safeParse(input);
  if (!parsed.success) throw new InvalidInput(zodIssues(parsed.error));
  return curationTx(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new NotFound(`no user "${id}"`);
    const demotes = (parsed.data.role && parsed.data.role !== "admin") || parsed.data.disabled === true;
    if (user.role === "admin" && demotes && (await tx.user.count({ where: { role: "admin", disabled: false } })) <= 1)
      throw new CurationError(409, "this is the last admin; make someone else an admin first");
    const updated = await tx.user.update({ where: { id }, data: parsed.data, include: { tokens: true } });
    // A disabled user's sessions end now, on the server.
    if (parsed.data.disabled) await tx.session.deleteMany({ where: { userId: id } });
    await recordChange(tx, admin, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      before: JSON.stringify({ record: { role: user.role, disabled: user.disabled } }),
      after: JSON.stringify({ record: { role: updated.role, disabled: updated.disabled } }),
    });
    return view(updated);
  });
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Creates an API token for a user. The token itself is returned once and never stored. */
export async function createToken(db: Db, who: Principal | null, userId: string, name: string): Promise<{ token: string; id: string }> {
  const admin = requireRole(who, "admin");
  if (!name.trim()) throw new InvalidInput([{ field: "name", code: "required", message: "is required" }]);
  return curationTx(db, async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId } }))) throw new NotFound(`no user "${userId}"`);
    const token = `smp_${randomBytes(32).toString("base64url")}`;
    const id = newId("t");
    await tx.apiToken.create({
      data: { id, name: name.trim(), prefix: token.slice(0, 10), tokenHash: sha256(token), userId, createdById: admin.id },
    });
    await recordChange(tx, admin, { action: "token.create", entityType: "token", entityId: id, comment: `${name.trim()} for ${userId}` });
    return { token, id };
  });
}

export async function revokeToken(db: Db, who: Principal | null, tokenId: string): Promise<void> {
  const admin = requireRole(who, "admin");
  await curationTx(db, async (tx) => {
    const t = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!t) throw new NotFound(`no token "${tokenId}"`);
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordChange(tx, admin, { action: "token.revoke", entityType: "token", entityId: tokenId });
  });
}

/** "Last used" is kept to the minute: no write on most token requests. */
const TOKEN_TOUCH_MS = 60_000;

/**
 * Best effort: a read-only or busy database must not turn a token-authenticated read into a failure,
 * so the "last used" time is written at most once a minute per token and its failure is only logged.
 */
async function touchToken(db: Db, id: string, lastUsedAt: Date | null): Promise<void> {
  const now = new Date();
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < TOKEN_TOUCH_MS) return;
  try {
    await db.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: now } });
  } catch (error) {
    console.warn(`[db] could not record a token's last use: ${(error as Error).message.split("\n").at(-1)}`);
  }
}

/** The user a bearer token stands for, or null if it is unknown, revoked or the user is disabled. */
export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const row = await db.prisma.apiToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabled) return null;
  // Not awaited: a read never waits for the write lock (a large import or publish may hold it for seconds).
  void touchToken(db, row.id, row.lastUsedAt);
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role as Role };
}

/** The user behind a session's user id, or null if they are disabled or gone. */
export async function principalForUser(db: Db, userId: string): Promise<Principal | null> {
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

/**
 * Failed sign-ins slow guessing down without letting anyone lock others out (OWASP ASVS 5.0, V6.3.1):
 * each bucket allows some failures freely, then every further attempt waits `baseMs * 2^(failures - free)`
 * (at most `maxMs`) after the bucket's last failure. Buckets: one account from one address (`pair`),
 * one address for any account (`address`; IPv6 counted per /64), and one account from anywhere
 * (`account`, a high ceiling whose wait stays short, so it costs an attacker much and a user little).
 * The right password from another address is never held by the pair or address buckets. Failures
 * older than `windowMs` no longer count and are purged.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 60 * 60_000,
  pair: { free: 5, baseMs: 10_000, maxMs: 15 * 60_000 },
  address: { free: 20, baseMs: 10_000, maxMs: 15 * 60_000 },
  account: { free: 500, baseMs: 1_000, maxMs: 60_000 },
  /** When the client's address is unknown, the pair bucket is the account's, with this short cap. */
  unknownAddressMaxMs: 60_000,
} as const;

/** The address bucket: an IPv4 address, or the /64 network of an IPv6 one (one subscriber's usual share). */
export function addressBucket(address: string | null): string | null {
  if (!address) return null;
  if (!address.includes(":")) return address;
  const groups = address.split("::");
  const head = (groups[0] ?? "").split(":").filter(Boolean);
  const tail = groups.length > 1 ? (groups[1] ?? "").split(":").filter(Boolean) : [];
  const full = [...head, ...Array(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail];
  return `${full
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** How long (ms) a bucket with these failures (oldest first, this attempt not among them) makes the next attempt wait. */
function backOff(failures: readonly Date[], rule: { free: number; baseMs: number; maxMs: number }, now: number): number {
  if (failures.length < rule.free) return 0;
  const last = failures[failures.length - 1]?.getTime() ?? now;
  const delay = Math.min(rule.baseMs * 2 ** Math.min(failures.length - rule.free, 30), rule.maxMs);
  return Math.max(0, last + delay - now);
}

/**
 * Counts a sign-in attempt before the password is checked, so a burst of parallel guesses cannot slip
 * past the limit between check and count: the attempt is written first, then the buckets are counted
 * with the attempts in flight. Held back, the attempt is taken back and refused with the wait.
 * `settleSignInAttempt` takes it back too when the password was right (or nothing was guessed), so only
 * failures stay counted. `address` is the client's address as the server saw it (null if unknown).
 */
export async function beginSignInAttempt(
  db: Db,
  email: string,
  address: string | null,
): Promise<{ id: string | null; blocked: boolean; retryAfterSeconds: number }> {
  const id = newId("f");
  const lower = email.toLowerCase().slice(0, 320);
  const bucket = addressBucket(address);
  const now = Date.now();
  const since = new Date(now - SIGN_IN_LIMITS.windowMs);
  await db.prisma.signInFailure.deleteMany({ where: { at: { lt: since } } });
  await db.prisma.signInFailure.create({ data: { id, email: lower, address: bucket ?? "unknown" } });
  const [byAccount, byAddress] = await Promise.all([
    db.prisma.signInFailure.findMany({
      where: { email: lower, at: { gte: since } },
      orderBy: { at: "asc" },
      select: { id: true, at: true, address: true },
    }),
    bucket
      ? db.prisma.signInFailure.findMany({
          where: { address: bucket, at: { gte: since } },
          orderBy: { at: "asc" },
          select: { id: true, at: true },
        })
      : Promise.resolve([]),
  ]);
  const others = <T extends { id: string; at: Date }>(rows: T[]) => rows.filter((r) => r.id !== id);
  const account = others(byAccount);
  const pair = bucket ? account.filter((r) => r.address === bucket) : account;
  const pairRule = bucket ? SIGN_IN_LIMITS.pair : { ...SIGN_IN_LIMITS.pair, maxMs: SIGN_IN_LIMITS.unknownAddressMaxMs };
  const wait = Math.max(
    backOff(
      pair.map((r) => r.at),
      pairRule,
      now,
    ),
    backOff(
      others(byAddress).map((r) => r.at),
      SIGN_IN_LIMITS.address,
      now,
    ),
    backOff(
      account.map((r) => r.at),
      SIGN_IN_LIMITS.account,
      now,
    ),
  );
  if (wait <= 0) return { id, blocked: false, retryAfterSeconds: 0 };
  await db.prisma.signInFailure.delete({ where: { id } });
  return { id: null, blocked: true, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}

/** Keeps the attempt counted only if it was a wrong email or password. */
export async function settleSignInAttempt(db: Db, id: string, failed: boolean): Promise<void> {
  if (!failed) await db.prisma.signInFailure.deleteMany({ where: { id } });
}

export async function userCount(db: Db): Promise<number> {
  return db.prisma.user.count();
}

/** The user changing their own account, as the principal their change is recorded under. */
async function accountHolder(tx: Tx, userId: string): Promise<Principal> {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFound(`no user "${userId}"`);
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

/**
 * After a user changed their own password: their API tokens are revoked (a token made while the old
 * password was known to someone else should not outlive it) and the change is audited.
 */
export async function passwordChanged(db: Db, userId: string): Promise<{ revokedTokens: number }> {
  return curationTx(db, async (tx) => {
    const self = await accountHolder(tx, userId);
    const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordChange(tx, self, {
      action: "user.password",
      entityType: "user",
      entityId: userId,
      comment: count > 0 ? `password changed; ${count} API token(s) revoked` : "password changed",
    });
    return { revokedTokens: count };
  });
}

/** After a user renamed themselves: audited with the name before and after. */
export async function nameChanged(db: Db, userId: string, before: string, after: string): Promise<void> {
  if (before === after) return;
  await curationTx(db, async (tx) => {
    const self = await accountHolder(tx, userId);
    await recordChange(tx, self, {
      action: "user.rename",
      entityType: "user",
      entityId: userId,
      before: JSON.stringify({ record: { name: before } }),
      after: JSON.stringify({ record: { name: after } }),
    });
  });
}
