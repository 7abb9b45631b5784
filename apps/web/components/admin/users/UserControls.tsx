"use client";
// A user's role and whether they may sign in, changed from their row of the users table. Refusals
// (the last admin cannot be demoted or disabled) appear in the cell of the control that caused them.
import { useActionState, useId } from "react";
import type { UsersActionResult } from "@/app/admin/(signed-in)/users/result";
import { changeRoleAction, setDisabledAction } from "@/lib/server/actions/users";

function Message({ result, id }: { result: UsersActionResult; id: string }) {
  if (!result) return null;
  return result.ok ? (
    <p className="users-msg users-msg-ok" id={id} role="status">
      {result.message}
    </p>
  ) : (
    <p className="field-error users-msg" id={id} role="alert">
      {result.message}
    </p>
  );
}

export function RoleControl({ userId, email, role }: { userId: string; email: string; role: string }) {
  const id = useId();
  const [result, save, saving] = useActionState(changeRoleAction, null);
  return (
    <form action={save} className="users-inline">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`${id}-role`} className="visually-hidden">
        Role of {email}
      </label>
      {/* Keyed by the stored role, so a refused change shows the role that is still in force. */}
      <select
        key={`${role}-${result?.ok === false ? result.message : ""}`}
        id={`${id}-role`}
        name="role"
        defaultValue={role}
        className="admin-input"
        aria-describedby={result ? `${id}-msg` : undefined}
      >
        <option value="editor">editor</option>
        <option value="reviewer">reviewer</option>
        <option value="admin">admin</option>
      </select>
      <button className="btn btn-secondary" type="submit" disabled={saving} aria-label={`Save role of ${email}`}>
        {saving ? "Saving…" : "Save"}
      </button>
      <Message result={result} id={`${id}-msg`} />
    </form>
  );
}

export function DisableControl({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const id = useId();
  const [result, apply, applying] = useActionState(setDisabledAction, null);
  return (
    <form action={apply} className="users-inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <span className={disabled ? "users-state users-state-off" : "users-state"}>{disabled ? "Disabled" : "Active"}</span>
      <button
        className={disabled ? "btn btn-secondary" : "btn btn-secondary users-danger"}
        type="submit"
        disabled={applying}
        aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
        aria-describedby={result ? `${id}-msg` : undefined}
      >
        {disabled ? "Enable" : "Disable"}
      </button>
      <Message result={result} id={`${id}-msg`} />
    </form>
  );
}
