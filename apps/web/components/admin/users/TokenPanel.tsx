"use client";
// One user's API tokens: make one (its secret is shown once, here, and never stored), see when each was
// last used, and revoke one, after a confirming second click, since a revoked token cannot come back.
import type { UserView } from "@stancemap/db";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/server/actions/users";

const day = (iso: string | null) =>
  iso ? <time dateTime={iso}>{iso.slice(0, 16).replace("T", " ")}</time> : <span className="muted">never</span>;

function NewTokenSecret({ token }: { token: string }) {
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Focus lands on the secret, so the warning tied to it is read out and the token is ready to copy.
  useEffect(() => input.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      // Clipboard refused (no permission, insecure origin): select the text so Ctrl+C works.
      input.current?.select();
      setCopied("no");
    }
  }
  return (
    <div className="form-ok users-secret">
      <label htmlFor={`${id}-token`}>New API token</label>
      <div className="users-secret-row">
        <input
          ref={input}
          id={`${id}-token`}
          className="admin-input"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          aria-describedby={`${id}-warning`}
        />
        <button className="btn" type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="users-warning" id={`${id}-warning`}>
        <strong>Copy it now.</strong> This is the only time the token is shown; it is not stored and cannot be shown again. Keep it secret:
        it acts with this user’s role. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <p aria-live="polite" className="users-copied">
        {copied === "yes" ? "Copied to the clipboard." : copied === "no" ? "Could not copy; the token is selected, press Ctrl+C." : ""}
      </p>
    </div>
  );
}

function RevokeToken({ token }: { token: UserView["tokens"][number] }) {
  const [result, revoke, revoking] = useActionState(revokeTokenAction, null);
  return (
    <>
      <details className="users-confirm">
        <summary>Revoke…</summary>
        <form action={revoke}>
          <input type="hidden" name="tokenId" value={token.id} />
          <p>Scripts using “{token.name}” stop working at once. This cannot be undone.</p>
          <button className="btn btn-danger" type="submit" disabled={revoking}>
            Revoke “{token.name}” now
          </button>
        </form>
      </details>
      {result && !result.ok && (
        <p className="field-error" role="alert">
          {result.message}
        </p>
      )}
    </>
  );
}

export function TokenPanel({ user }: { user: Pick<UserView, "id" | "email" | "name" | "tokens" | "disabled"> }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [result, create, creating] = useActionState(createTokenAction, null);
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  const nameError = result && !result.ok ? (result.issues.find((i) => i.field === "name")?.message ?? result.message) : null;

  return (
    <>
      {user.disabled && <p className="form-error">This user is disabled: their tokens are refused until they are enabled again.</p>}
      <form ref={form} action={create} className="admin-form users-token-new" noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <div>
          <label htmlFor={`${id}-name`}>Token name</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            maxLength={80}
            autoComplete="off"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-hint${nameError ? ` ${id}-error` : ""}`}
          />
          <p className="hint" id={`${id}-hint`}>
            Say what uses it, e.g. “nightly import script”.
          </p>
          {nameError && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {nameError}
            </p>
          )}
        </div>
        <div>
          <button className="btn" type="submit" disabled={creating}>
            {creating ? "Creating…" : "Create token"}
          </button>
        </div>
      </form>
      {result?.ok && result.token && <NewTokenSecret key={result.tokenId} token={result.token} />}
      {user.tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, and keyboard users must reach it
        <section className="users-scroll" tabIndex={0} aria-label={`Tokens of ${user.email}`}>
          <table className="users-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {user.tokens.map((t) => (
                <tr key={t.id}>
                  <td dir="auto">{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{day(t.createdAt)}</td>
                  <td>{day(t.lastUsedAt)}</td>
                  <td>{t.revokedAt ? <span className="muted">Revoked {day(t.revokedAt)}</span> : <RevokeToken token={t} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
