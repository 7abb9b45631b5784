"use server";
// Users and API tokens from the admin page. Only admins may do any of this: @stancemap/db checks the
// role of the caller found here; nothing the browser sends says who it is.
import { NewToken, NewUser, Role } from "@stancemap/core";
import { CurationError, createToken, createUser, getDb, InvalidInput, revokeToken, updateUser, zodIssues } from "@stancemap/db";
import { revalidatePath } from "next/cache";
import { formArg, MALFORMED } from "@/lib/server/action-args";
import { currentPrincipal } from "@/lib/server/dal";
import type { UsersActionResult } from "./result";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

const signedOut: UsersActionResult = { ok: false, status: 401, message: "Your session has ended; sign in again.", issues: [] };

function refusal(error: unknown): UsersActionResult {
  if (error instanceof InvalidInput) return { ok: false, status: 400, message: error.message, issues: error.issues };
  if (error instanceof CurationError) return { ok: false, status: error.status, message: error.message, issues: [] };
  throw error;
}

export async function createUserAction(_prev: UsersActionResult, form: FormData): Promise<UsersActionResult> {
  const who = await currentPrincipal();
  if (!who) return signedOut;
  if (!formArg(form)) return { ...MALFORMED, issues: [] };
  const input = { email: text(form, "email").trim(), name: text(form, "name"), role: text(form, "role"), password: text(form, "password") };
  const parsed = NewUser.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, message: "Check the fields marked below.", issues: zodIssues(parsed.error) };
  try {
    const user = await createUser(getDb(), who, parsed.data);
    revalidatePath("/admin/users");
    return { ok: true, message: `Created ${user.role} ${user.email}.`, userId: user.id };
  } catch (error) {
    return refusal(error);
  }
}

export async function changeRoleAction(_prev: UsersActionResult, form: FormData): Promise<UsersActionResult> {
  const who = await currentPrincipal();
  if (!who) return signedOut;
  if (!formArg(form)) return { ...MALFORMED, issues: [] };
  const role = Role.safeParse(text(form, "role"));
  if (!role.success) return { ok: false, status: 400, message: "Choose editor, reviewer or admin.", issues: [] };
  try {
    const user = await updateUser(getDb(), who, text(form, "userId"), { role: role.data });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `${user.email} is now ${user.role === "editor" ? "an" : "a"} ${user.role}.` };
  } catch (error) {
    return refusal(error);
  }
}

export async function setDisabledAction(_prev: UsersActionResult, form: FormData): Promise<UsersActionResult> {
  const who = await currentPrincipal();
  if (!who) return signedOut;
  if (!formArg(form)) return { ...MALFORMED, issues: [] };
  const disabled = text(form, "disabled") === "true";
  try {
    const user = await updateUser(getDb(), who, text(form, "userId"), { disabled });
    revalidatePath("/admin", "layout");
    return { ok: true, message: disabled ? `${user.email} is disabled and signed out everywhere.` : `${user.email} can sign in again.` };
  } catch (error) {
    return refusal(error);
  }
}

export async function createTokenAction(_prev: UsersActionResult, form: FormData): Promise<UsersActionResult> {
  const who = await currentPrincipal();
  if (!who) return signedOut;
  if (!formArg(form)) return { ...MALFORMED, issues: [] };
  const parsed = NewToken.safeParse({ name: text(form, "name") });
  if (!parsed.success) return { ok: false, status: 400, message: "Give the token a name.", issues: zodIssues(parsed.error) };
  try {
    const { token, id } = await createToken(getDb(), who, text(form, "userId"), parsed.data.name);
    revalidatePath("/admin/users");
    return { ok: true, message: `Created token “${parsed.data.name}”.`, token, tokenId: id };
  } catch (error) {
    return refusal(error);
  }
}

export async function revokeTokenAction(_prev: UsersActionResult, form: FormData): Promise<UsersActionResult> {
  const who = await currentPrincipal();
  if (!who) return signedOut;
  if (!formArg(form)) return { ...MALFORMED, issues: [] };
  try {
    await revokeToken(getDb(), who, text(form, "tokenId"));
    revalidatePath("/admin/users");
    return { ok: true, message: "Token revoked: it no longer works." };
  } catch (error) {
    return refusal(error);
  }
}
