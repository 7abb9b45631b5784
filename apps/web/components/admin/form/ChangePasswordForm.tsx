"use client";
// Changing one's own password through better-auth; other sessions are signed out. Errors appear
// next to the field they concern.
import { useId, useRef, useState } from "react";
import { authClient } from "@/lib/auth-client";

type FieldName = "current" | "next" | "confirm";
type Errors = Partial<Record<FieldName | "form", string>>;

export function ChangePasswordForm() {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const current = String(form.get("current") ?? "");
    const next = String(form.get("next") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const found: Errors = {};
    if (!current) found.current = "Enter your current password.";
    if (next.length < 12) found.next = "Use at least 12 characters.";
    else if (next.length > 200) found.next = "Use at most 200 characters.";
    else if (next === current) found.next = "Choose a password different from the current one.";
    if (confirm !== next) found.confirm = "This does not match the new password.";
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const { error } = await authClient.changePassword({ currentPassword: current, newPassword: next, revokeOtherSessions: true });
    setBusy(false);
    if (error) {
      const code = (error as { code?: string }).code;
      const fail: Errors =
        code === "INVALID_PASSWORD"
          ? { current: "That is not your current password." }
          : code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG"
            ? { next: "Use 12 to 200 characters." }
            : { form: error.message ?? "The password could not be changed; try again." };
      setErrors(fail);
      document.getElementById(`${id}-${Object.keys(fail)[0]}`)?.focus();
      return;
    }
    formRef.current?.reset();
    setDone(true);
  }

  const field = (name: FieldName, label: string, autoComplete: string, hint?: string) => {
    const describedBy =
      [hint ? `${id}-${name}-hint` : null, errors[name] ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div>
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy}
        />
        {hint ? (
          <p className="hint" id={`${id}-${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {errors[name] ? (
          <p className="field-error" id={`${id}-${name}-error`}>
            {errors[name]}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form ref={formRef} className="admin-form rf-account" onSubmit={onSubmit} noValidate>
      {errors.form ? (
        <p className="form-error" role="alert" id={`${id}-form`} tabIndex={-1}>
          {errors.form}
        </p>
      ) : null}
      {done ? (
        <p className="form-ok" role="status">
          Your password has been changed. Your other sessions have been signed out.
        </p>
      ) : null}
      {field("current", "Current password", "current-password")}
      {field("next", "New password", "new-password", "At least 12 characters. A few unrelated words make a strong one.")}
      {field("confirm", "New password again", "new-password")}
      <div>
        <button className="btn" type="submit" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
