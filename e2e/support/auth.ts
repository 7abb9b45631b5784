// Signing in as one of the run's test accounts (made by support/server.ts), through the real sign-in page.
import { readFileSync } from "node:fs";
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { usersFile } from "./users-file.mjs";

export type Role = "editor" | "reviewer" | "admin";

export function account(role: Role): { email: string; password: string } {
  const port = process.env.STANCEMAP_E2E_PORT ?? "3100";
  const users = JSON.parse(readFileSync(usersFile(port), "utf8")) as Record<Role, { email: string; password: string }>;
  return users[role];
}

export async function signIn(page: Page, role: Role): Promise<void> {
  const { email, password } = account(role);
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
}

/** A fresh browser context signed in as `role`: separate cookies, as a second person would have. */
export async function contextAs(browser: Browser, role: Role): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return { context, page };
}
