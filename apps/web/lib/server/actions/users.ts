"use server";
// Users and API tokens from the admin page. Only admins may do any of this: @stancemap/db checks the
// role of the caller found here; nothing the browser sends says who it is.
import { NewToken, NewUser, Role } from "@stancemap/core";
import {
  CurationError,
  createToken,
  createUser,
  getDb,
  InvalidInput,
  type Principal,
  revokeToken,
  updateUser,
  zodIssues,
} from "@stancemap/db";
import { revalidatePath } from "next/cache";
import type { UsersActionResult } from "@/app/admin/(signed-in)/users/result";
import { FormArg } from "@/lib/server/action-args";
import { runAction } from "@/lib/server/run-action";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

function refusal(error: unknown): UsersActionResult {
  if (error instanceof InvalidInput) return { ok: false, status: 400, message: error.message, issues: error.issues };
  if (error instanceof CurationError) return { ok: false, status: error.status, message: error.message, issues: [] };
  throw error;
}

/** Every users action: through runAction (session, a form as the argument, refusals as results), issues always a list. */
async function usersAction(form: unknown, run: (who: Principal, form: FormData) => Promise<UsersActionResult>): Promise<UsersActionResult> {
  const result = await runAction(FormArg, form, refusal, run);
  return result && !result.ok && !("issues" in result) ? { ...result, issues: [] } : result;
}

export async function createUserAction(_prev: UsersActionResult, raw: FormData): Promise<UsersActionResult> {
  return usersAction(raw, async (who, form) => {
    const input = {
      email: text(form, "email").trim(),
      name: text(form, "name"),
      role: text(form, "role"),
      password: text(form, "password"),
    };
    const parsed = NewUser.safeParse(input);
    if (!parsed.success) return { ok: false, status: 400, message: "Check the fields marked below.", issues: zodIssues(parsed.error) };
    const user = await createUser(getDb(), who, parsed.data);
    revalidatePath("/admin/users");
    return { ok: true, message: `Created ${user.role} ${user.email}.`, userId: user.id };
  });
}

export async function changeRoleAction(_prev: UsersActionResult, raw: FormData): Promise<UsersActionResult> {
  return usersAction(raw, async (who, form) => {
    const role = Role.safeParse(text(form, "role"));
    if (!role.success) return { ok: false, status: 400, message: "Choose editor, reviewer or admin.", issues: [] };
    const user = await updateUser(getDb(), who, text(form, "userId"), { role: role.data });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `${user.email} is now ${user.role === "editor" ? "an" : "a"} ${user.role}.` };
  });
}

export async function setDisabledAction(_prev: UsersActionResult, raw: FormData): Promise<UsersActionResult> {
  return usersAction(raw, async (who, form) => {
    const disabled = text(form, "disabled") === "true";
    const user = await updateUser(getDb(), who, text(form, "userId"), { disabled });
    revalidatePath("/admin", "layout");
    return { ok: true, message: disabled ? `${user.email} is disabled and signed out everywhere.` : `${user.email} can sign in again.` };
  });
}

export async function createTokenAction(_prev: UsersActionResult, raw: FormData): Promise<UsersActionResult> {
  return usersAction(raw, async (who, form) => {
    const parsed = NewToken.safeParse({ name: text(form, "name") });
    if (!parsed.success) return { ok: false, status: 400, message: "Give the token a name.", issues: zodIssues(parsed.error) };
    const { token, id } = await createToken(getDb(), who, text(form, "userId"), parsed.data.name);
    revalidatePath("/admin/users");
    return { ok: true, message: `Created token “${parsed.data.name}”.`, token, tokenId: id };
  });
}

export async function revokeTokenAction(_prev: UsersActionResult, raw: FormData): Promise<UsersActionResult> {
  return usersAction(raw, async (who, form) => {
    await revokeToken(getDb(), who, text(form, "tokenId"));
    revalidatePath("/admin/users");
    return { ok: true, message: "Token revoked: it no longer works." };
  });
}
