// Every admin page but sign-in: the caller must be signed in (checked here for the page, and again
// by @stancemap/db at every write). Navigation shows what the caller's role can do.
import { roleAtLeast } from "@stancemap/core";
import { getDb, listDrafts } from "@stancemap/db";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/AdminNav";
import { SignOutButton } from "@/components/admin/SignOutButton";
import { currentPrincipal } from "@/lib/server/dal";
import "../admin.css";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Stancemap" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const who = await currentPrincipal();
  if (!who) {
    const path = (await headers()).get("x-request-path") ?? "/admin";
    redirect(`/admin/sign-in?next=${encodeURIComponent(path)}`);
  }
  const open = await listDrafts(getDb(), who, { status: ["pending"] });
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <AdminNav pending={open.length} isReviewer={roleAtLeast(who.role, "reviewer")} isAdmin={roleAtLeast(who.role, "admin")} />
        <div className="admin-user">
          <p>
            Signed in as <strong>{who.name}</strong>
            <br />
            {who.email} · {who.role}
          </p>
          <SignOutButton />
        </div>
      </nav>
      <div className="admin-main">{children}</div>
    </div>
  );
}
