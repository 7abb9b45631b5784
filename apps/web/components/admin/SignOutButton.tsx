"use client";
// Sign-out ends the session on the server (better-auth deletes it), then returns to sign-in.
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth-client";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      onClick={async () => {
        await authClient.signOut();
        router.replace("/admin/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
