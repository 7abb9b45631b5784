// The signed-in user's own account: who they are, and changing their password.
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/admin/form/ChangePasswordForm";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/form/form.css";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const who = await currentPrincipal();
  if (!who) return null;
  return (
    <>
      <h1>Your account</h1>
      <p>
        <strong>{who.name}</strong>, {who.email}. Role: {who.role}. An admin changes roles.
      </p>
      <h2>Change your password</h2>
      <ChangePasswordForm />
    </>
  );
}
