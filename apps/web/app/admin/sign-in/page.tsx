// The sign-in page. Accounts are made by admins (or `npm run admin:create`); there is no sign-up.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/SignInForm";
import { currentPrincipal } from "@/lib/server/dal";
import "../admin.css";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // A repeated `?next=` arrives as a list: the first one counts.
  const given = (await searchParams).next;
  const next = Array.isArray(given) ? given[0] : given;
  // Only a path on this site: never an open redirect.
  const target = next?.startsWith("/admin") && !next.startsWith("//") ? next : "/admin";
  if (await currentPrincipal()) redirect(target);
  return (
    <div className="sign-in">
      <h1>Sign in to edit</h1>
      <p className="muted">For editors, reviewers and admins. Visitors see the published data on the dashboard.</p>
      <SignInForm next={target} />
    </div>
  );
}
