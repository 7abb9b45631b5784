"use client";
// Adding a user: checked in the browser with the same NewUser schema the server applies, and again
// by the server; each problem is shown under its field.
import { type FieldError, NewUser } from "@stancemap/core";
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { createUserAction } from "@/lib/server/actions/users";

type Issues = Record<string, string>;

const issuesByField = (issues: FieldError[]): Issues =>
  Object.fromEntries(
    issues.map((i) => {
      return [i.field.split(".")[0] ?? "form", i.message];
    }),
  );

export function NewUserForm() {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [result, create, creating] = useActionState(createUserAction, null);
  const [local, setLocal] = useState<Issues | null>(null);

  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  // After a refused submit, focus goes to the first field with a problem.
  useEffect(() => {
    if (local || (result && !result.ok)) form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [local, result]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = NewUser.safeParse({
      email: String(data.get("email") ?? "").trim(),
      name: data.get("name"),
      role: data.get("role"),
      password: data.get("password"),
    });
    if (!parsed.success) {
      setLocal(issuesByField(parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), code: i.code, message: i.message }))));
      return;
    }
    setLocal(null);
    startTransition(() => create(data));
  }

  const issues = local ?? (result && !result.ok ? issuesByField(result.issues) : {});
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": issues[name] ? true : undefined,
    "aria-describedby":
      [issues[name] ? `${id}-${name}-error` : "", name === "password" ? `${id}-password-hint` : ""].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) =>
    issues[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {issues[name]}
      </p>
    ) : null;

  return (
    <form ref={form} className="admin-form users-new" action={create} onSubmit={onSubmit} noValidate>
      {result?.ok && (
        <p className="form-ok" role="status">
          {result.message}{" "}
          {result.userId && <a href={`/admin/users?tokens=${encodeURIComponent(result.userId)}#tokens`}>Give them an API token</a>}
        </p>
      )}
      {!local && result && !result.ok && result.issues.length === 0 && (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      )}
      <div className="users-new-grid">
        <div>
          <label htmlFor={`${id}-email`}>Email</label>
          <input type="email" autoComplete="off" {...field("email")} />
          {error("email")}
        </div>
        <div>
          <label htmlFor={`${id}-name`}>Name</label>
          <input type="text" autoComplete="off" {...field("name")} />
          {error("name")}
        </div>
        <div>
          <label htmlFor={`${id}-role`}>Role</label>
          <select defaultValue="editor" {...field("role")}>
            <option value="editor">Editor: drafts changes</option>
            <option value="reviewer">Reviewer: also publishes and reverts</option>
            <option value="admin">Admin: also manages users</option>
          </select>
          {error("role")}
        </div>
        <div>
          <label htmlFor={`${id}-password`}>Initial password</label>
          <input type="password" autoComplete="new-password" minLength={12} {...field("password")} />
          <p className="hint" id={`${id}-password-hint`}>
            At least 12 characters. Send it to them by a separate channel.
          </p>
          {error("password")}
        </div>
      </div>
      <div>
        <button className="btn" type="submit" disabled={creating}>
          {creating ? "Adding…" : "Add user"}
        </button>
      </div>
    </form>
  );
}
