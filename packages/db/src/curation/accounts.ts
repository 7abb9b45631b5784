// People and access: users (created by admins or the admin:create command), API tokens, and the
// counts of failed sign-ins that throttle guessing. Passwords are hashed by better-auth's scrypt.
import { createHash, randomBytes } from "node:crypto";
import { NewUser, type Role, type User, UserPatch } from "@stancemap/core";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client";
import { CurationError, InvalidInput, NotFound, type Principal, requireRole, zodIssues } from "./errors";
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

/** The user a bearer token stands for, or null if it is unknown, revoked or the user is disabled. */
export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const row = await db.prisma.apiToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row || row.revokedAt || row.user.disabled) return null;
  await db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role as Role };
}

/** The user behind a session's user id, or null if they are disabled or gone. */
export async function principalForUser(db: Db, userId: string): Promise<Principal | null> {
  const user = await db.prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

export const SIGN_IN_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 } as const;

/**
 * Counts a sign-in attempt before the password is checked, so a burst of parallel guesses cannot slip
 * past the limit between check and count: the attempt is written first, then the window is counted
 * with it. Over the limit, the attempt is taken back and refused. `settleSignInAttempt` takes it back
 * too when the password was right (or nothing was guessed), so only failures stay counted.
 */
export async function beginSignInAttempt(
  db: Db,
  email: string,
  address: string,
): Promise<{ id: string | null; blocked: boolean; retryAfterSeconds: number }> {
  const id = newId("f");
  const lower = email.toLowerCase();
  await db.prisma.signInFailure.create({ data: { id, email: lower, address } });
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    db.prisma.signInFailure.findMany({ where: { email: lower, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true } }),
    db.prisma.signInFailure.findMany({ where: { address, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true } }),
  ]);
  const over = (list: { at: Date }[], limit: number) =>
    list.length > limit ? Math.ceil(((list[list.length - 1 - limit]?.at.getTime() ?? 0) + SIGN_IN_LIMITS.windowMs - Date.now()) / 1000) : 0;
  const wait = Math.max(over(byAccount, SIGN_IN_LIMITS.perAccount), over(byAddress, SIGN_IN_LIMITS.perAddress));
  if (wait <= 0) return { id, blocked: false, retryAfterSeconds: 0 };
  await db.prisma.signInFailure.delete({ where: { id } });
  return { id: null, blocked: true, retryAfterSeconds: Math.max(1, wait) };
}

/** Keeps the attempt counted only if it was a wrong email or password. */
export async function settleSignInAttempt(db: Db, id: string, failed: boolean): Promise<void> {
  if (!failed) await db.prisma.signInFailure.deleteMany({ where: { id } });
}

export async function userCount(db: Db): Promise<number> {
  return db.prisma.user.count();
}
