"use client";
// Email and password sign-in through better-auth's client; errors appear next to the field they concern.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { authClient } from "@/lib/auth-client";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<{ field: "email" | "password" | "form"; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return setError({ field: "email", message: "Enter your email address." });
    if (!password) return setError({ field: "password", message: "Enter your password." });
    setBusy(true);
    setError(null);
    const { error: failed } = await authClient.signIn.email({ email, password });
    setBusy(false);
    if (failed) {
      const message =
        failed.status === 429
          ? (failed.message ?? "Too many failed sign-ins; wait and try again.")
          : "That email and password do not match an account.";
      setError({ field: failed.status === 429 ? "form" : "password", message });
      return;
    }
    router.replace(next);
    router.refresh();
  }

  const describe = (field: string) => (error?.field === field ? `${id}-${field}-error` : undefined);
  return (
    <form className="admin-form" onSubmit={onSubmit} noValidate>
      {error?.field === "form" && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={error?.field === "email"}
          aria-describedby={describe("email")}
        />
        {error?.field === "email" && (
          <p className="field-error" id={`${id}-email-error`}>
            {error.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error?.field === "password"}
          aria-describedby={describe("password")}
        />
        {error?.field === "password" && (
          <p className="field-error" id={`${id}-password-error`} role="alert">
            {error.message}
          </p>
        )}
      </div>
      <button className="btn" type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
