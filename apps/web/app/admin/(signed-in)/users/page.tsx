// Users and API tokens, for admins: roles, who may sign in, new accounts, and tokens for scripts.
// Everyone else is told they need the admin role; @stancemap/db refuses them anyway.
import { CurationError, getDb, listUsers, type UserView } from "@stancemap/db";
import type { Metadata } from "next";
import Link from "next/link";
import { NewUserForm } from "@/components/admin/users/NewUserForm";
import { TokenPanel } from "@/components/admin/users/TokenPanel";
import { DisableControl, RoleControl } from "@/components/admin/users/UserControls";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/users/users.css";

export const metadata: Metadata = { title: "Users and tokens" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const who = await currentPrincipal();
  if (!who) return null;
  let users: UserView[];
  try {
    users = await listUsers(getDb(), who);
  } catch (error) {
    if (!(error instanceof CurationError) || error.status !== 403) throw error;
    return (
      <>
        <h1>Users and tokens</h1>
        <p className="form-error" role="alert">
          This page needs the admin role; you are {who.role === "editor" ? "an" : "a"} {who.role}. Ask an admin to change roles, add people
          or issue API tokens.
        </p>
      </>
    );
  }
  const wanted = (await searchParams).tokens;
  const selected = users.find((u) => u.id === wanted);
  const active = (u: UserView) => u.tokens.filter((t) => !t.revokedAt).length;

  return (
    <>
      <h1>Users and tokens</h1>
      <p className="muted">
        Editors draft changes, reviewers also publish and revert, admins also manage people. Disabling someone signs them out at once and
        stops their API tokens.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, and keyboard users must reach it */}
      <section className="users-scroll" tabIndex={0} aria-labelledby="users-caption">
        <table className="users-table">
          <caption id="users-caption" className="visually-hidden">
            Users ({users.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Sign-in</th>
              <th scope="col">Created</th>
              <th scope="col">API tokens</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabled ? "users-row-off" : undefined} aria-current={u.id === selected?.id ? "true" : undefined}>
                <td>
                  <span className="users-email">{u.email}</span>
                  {u.id === who.id && <span className="users-you"> (you)</span>}
                  <br />
                  <span className="muted" dir="auto">
                    {u.name}
                  </span>
                </td>
                <td>
                  <RoleControl userId={u.id} email={u.email} role={u.role} />
                </td>
                <td>
                  <DisableControl userId={u.id} email={u.email} disabled={u.disabled} />
                </td>
                <td className="users-nowrap">
                  <time dateTime={u.createdAt}>{u.createdAt.slice(0, 10)}</time>
                </td>
                <td>
                  <Link href={`/admin/users?tokens=${encodeURIComponent(u.id)}#tokens`} aria-label={`Manage API tokens of ${u.email}`}>
                    Manage
                  </Link>
                  <br />
                  <span className="muted users-nowrap">{active(u)} active</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {selected && (
        <section id="tokens" className="users-panel" aria-labelledby="tokens-title">
          <div className="users-panel-head">
            <h2 id="tokens-title">API tokens of {selected.email}</h2>
            <Link href="/admin/users">Close</Link>
          </div>
          <TokenPanel key={selected.id} user={selected} />
        </section>
      )}

      <section className="users-panel" aria-labelledby="new-user-title">
        <h2 id="new-user-title">Add a user</h2>
        <NewUserForm />
      </section>
    </>
  );
}
