// Users and API tokens, for admins: roles, who may sign in, new accounts, and tokens for scripts.
// Everyone else is told they need the admin role; @stancemap/db refuses them anyway.
import { CurationError, getDb, listUsers, type UserView } from "@stancemap/db";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/admin/lists/Pagination";
import { NewUserForm } from "@/components/admin/users/NewUserForm";
import { TokenPanel } from "@/components/admin/users/TokenPanel";
import { DisableControl, RoleControl } from "@/components/admin/users/UserControls";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/lists/lists.css";
import "@/components/admin/users/users.css";

export const metadata: Metadata = { title: "Users and tokens" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;
const SORTS = { email: "Email", role: "Role", created: "Created" } as const;
type Sort = keyof typeof SORTS;
const RANK = { admin: 0, reviewer: 1, editor: 2 } as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** Search, role and status filters, sort and page, all from the URL (a GET form: works without script). */
function view(users: UserView[], raw: Record<string, string | string[] | undefined>) {
  const q = one(raw.q).toLowerCase();
  const role = ["editor", "reviewer", "admin"].includes(one(raw.role)) ? one(raw.role) : "";
  const status = ["active", "disabled"].includes(one(raw.status)) ? one(raw.status) : "";
  const sort: Sort = one(raw.sort) in SORTS ? (one(raw.sort) as Sort) : "email";
  const dir = one(raw.dir) === "desc" ? "desc" : "asc";
  const key = (u: UserView) => (sort === "role" ? `${RANK[u.role]}${u.email}` : sort === "created" ? u.createdAt : u.email);
  const rows = users
    .filter((u) => !q || `${u.email} ${u.name}`.toLowerCase().includes(q))
    .filter((u) => !role || u.role === role)
    .filter((u) => !status || (status === "disabled") === u.disabled)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (dir === "asc" ? 1 : -1));
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt(one(raw.page), 10) || 1));
  const state = { q: one(raw.q), role, status, sort, dir };
  const href = (change: Partial<typeof state & { page: number }>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...state, page: 1, ...change })) if (v && !(k === "page" && v === 1)) params.set(k, String(v));
    const text = params.toString();
    return text ? `/admin/users?${text}` : "/admin/users";
  };
  return { rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: rows.length, page, pageCount, state, href };
}

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
  const raw = await searchParams;
  const wanted = raw.tokens;
  const list = view(users, raw);
  const sortHeader = (sort: Sort) => {
    const on = list.state.sort === sort;
    const next = on && list.state.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={on ? (list.state.dir === "asc" ? "ascending" : "descending") : "none"}>
        <Link href={list.href({ sort, dir: next })}>
          {SORTS[sort]}
          <span aria-hidden="true">{on ? (list.state.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
        </Link>
      </th>
    );
  };
  const selected = users.find((u) => u.id === wanted);
  const active = (u: UserView) => u.tokens.filter((t) => !t.revokedAt).length;

  return (
    <>
      <h1>Users and tokens</h1>
      <p className="muted">
        Editors draft changes, reviewers also publish and revert, admins also manage people. Disabling someone signs them out at once and
        stops their API tokens.
      </p>
      <search aria-label="Find users">
        <form className="users-filters" method="get" action="/admin/users">
          <label>
            Search
            <input className="admin-input" type="search" name="q" defaultValue={list.state.q} placeholder="Email or name" />
          </label>
          <label>
            Role
            <select className="admin-input" name="role" defaultValue={list.state.role}>
              <option value="">Any role</option>
              <option value="editor">Editor</option>
              <option value="reviewer">Reviewer</option>
              <option value="admin">Admin</option>
            </select>
          </label>
          <label>
            Sign-in
            <select className="admin-input" name="status" defaultValue={list.state.status}>
              <option value="">Active or disabled</option>
              <option value="active">Active</option>
              <option value="disabled">Disabled</option>
            </select>
          </label>
          <input type="hidden" name="sort" value={list.state.sort} />
          <input type="hidden" name="dir" value={list.state.dir} />
          <button className="btn" type="submit">
            Apply
          </button>
          <Link href="/admin/users">Clear</Link>
        </form>
      </search>
      <p className="muted" aria-live="polite">
        {list.total} of {users.length} users
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, and keyboard users must reach it */}
      <section className="users-scroll" tabIndex={0} aria-labelledby="users-caption">
        <table className="users-table">
          <caption id="users-caption" className="visually-hidden">
            Users ({list.total})
          </caption>
          <thead>
            <tr>
              {sortHeader("email")}
              {sortHeader("role")}
              <th scope="col">Sign-in</th>
              {sortHeader("created")}
              <th scope="col">API tokens</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((u) => (
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
      {list.pageCount > 1 && <Pagination page={list.page} pageCount={list.pageCount} href={(page) => list.href({ page })} />}

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
