// A user's own account changes through better-auth (`/update-user`, `/change-password`): the name is
// checked with the contract's rules (only the name may change), and each change is audited; a new
// password also revokes the user's API tokens (README, "Security").
import "server-only";
import { NewUser } from "@stancemap/core";
import { getDb, nameChanged, passwordChanged } from "@stancemap/db";
import { APIError, getSessionFromCtx } from "better-auth/api";
import { z } from "zod";

type HookContext = Parameters<typeof getSessionFromCtx>[0] & {
  path?: string;
  body?: unknown;
  request?: Request;
  context: { returned?: unknown };
};

const OwnProfile = z.strictObject({ name: NewUser.shape.name });

/** Who changes what, by request, from the check before to the record after. */
const pending = new WeakMap<Request, { userId: string; name: string; newName: string | null }>();

export async function beforeOwnAccountChange(ctx: HookContext): Promise<void> {
  let newName: string | null = null;
  if (ctx.path === "/update-user") {
    const parsed = OwnProfile.safeParse(ctx.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.code === "unrecognized_keys" ? issue.keys.join(", ") : issue?.path.join(".") || "body";
      throw APIError.from("BAD_REQUEST", {
        code: "INVALID_ACCOUNT_CHANGE",
        message: `${field}: ${issue?.code === "unrecognized_keys" ? "only your name can be changed here" : (issue?.message ?? "is not valid")}`,
      });
    }
    newName = parsed.data.name;
  }
  const session = await getSessionFromCtx(ctx);
  if (session && ctx.request) pending.set(ctx.request, { userId: session.user.id, name: session.user.name, newName });
}

export async function afterOwnAccountChange(ctx: HookContext): Promise<void> {
  const change = ctx.request ? pending.get(ctx.request) : undefined;
  if (!change || !ctx.request) return;
  pending.delete(ctx.request);
  if (ctx.context.returned instanceof APIError) return;
  if (ctx.path === "/change-password") await passwordChanged(getDb(), change.userId);
  else if (change.newName !== null) await nameChanged(getDb(), change.userId, change.name, change.newName);
}
