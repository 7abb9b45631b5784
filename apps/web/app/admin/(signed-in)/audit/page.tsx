// The global audit log: who did what, when, to which record. Filters are a plain GET form, so the
// state lives in the URL and works without JavaScript; "Older" pages by cursor.
import { AuditQuery, EntityType, roleAtLeast } from "@stancemap/core";
import { auditLog, getDb, listUsers, userNames } from "@stancemap/db";
import type { Metadata } from "next";
import { ChangesTable } from "@/components/admin/review/ChangesTable";
import { CHANGE_ACTIONS } from "@/components/admin/review/format";
import { draftHref, historyHref, isRecordType } from "@/components/admin/review/links";
import { currentPrincipal } from "@/lib/server/dal";
import "@/components/admin/review/review.css";

export const metadata: Metadata = { title: "Audit log" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const PAGE = 50;
const FIELDS = ["user", "type", "action", "from", "to"] as const;
type Field = (typeof FIELDS)[number];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

/** Each filter is checked alone: a bad date is reported beside its field and the others still apply. */
function readFilters(search: Record<string, string | string[] | undefined>) {
  const values = Object.fromEntries(FIELDS.map((f) => [f, one(search[f])])) as Record<Field, string>;
  const errors: Partial<Record<Field, string>> = {};
  const query: Record<string, unknown> = { limit: PAGE };
  for (const f of FIELDS) {
    if (!values[f]) continue;
    const parsed = AuditQuery.shape[f].safeParse(values[f]);
    if (parsed.success) query[f] = parsed.data;
    else errors[f] = parsed.error.issues[0]?.message ?? "not valid";
  }
  if (query.from && query.to && String(query.from) > String(query.to)) errors.to = "must be on or after the “from” date";
  // A cursor this log never gave (too big, not a number) shows the newest page.
  const cursor = AuditQuery.shape.cursor.safeParse(one(search.cursor) || undefined);
  if (cursor.success && cursor.data) query.cursor = cursor.data;
  return { values, errors, query: AuditQuery.parse(errors.to ? { ...query, to: undefined } : query) };
}

function recordLink(entityType: string, entityId: string, admin: boolean, names: ReadonlyMap<string, string>) {
  if (isRecordType(entityType))
    return (
      <a href={historyHref(entityType, entityId)} dir="auto">
        {entityId}
      </a>
    );
  if (entityType === "draft") return <a href={draftHref(entityId)}>{entityId}</a>;
  if (entityType === "user") {
    const name = names.get(entityId) ?? "a removed user";
    return admin ? (
      <a href="/admin/users" title={entityId}>
        {name}
      </a>
    ) : (
      <span>{name}</span>
    );
  }
  if (admin && entityType === "token") return <a href="/admin/users">{entityId}</a>;
  return <span>{entityId}</span>;
}

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const who = await currentPrincipal();
  if (!who) return null;
  const admin = roleAtLeast(who.role, "admin");
  const { values, errors, query } = readFilters(await searchParams);
  const db = getDb();
  const [page, users] = await Promise.all([auditLog(db, who, query), admin ? listUsers(db, who) : Promise.resolve(null)]);
  const names = await userNames(db, who, [...page.data.flatMap((c) => [c.userId, c.entityType === "user" ? c.entityId : null])]);
  const filterParams = new URLSearchParams(FIELDS.flatMap((f) => (values[f] ? [[f, values[f]]] : [])));
  const olderHref = page.nextCursor ? `/admin/audit?${new URLSearchParams([...filterParams, ["cursor", String(page.nextCursor)]])}` : null;
  const newestHref = `/admin/audit${filterParams.size ? `?${filterParams}` : ""}`;
  const filtered = FIELDS.some((f) => values[f]);
  const errorProps = (f: Field) =>
    errors[f] ? { "aria-invalid": true as const, "aria-describedby": `audit-${f}-error` } : ({} as Record<string, never>);
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p className="field-error" id={`audit-${f}-error`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <>
      <h1>Audit log</h1>
      <p className="review-meta">Every change to records, drafts and accounts, newest first.</p>
      <form method="get" action="/admin/audit" className="review-filters" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-user">Person</label>
          {users ? (
            <select id="audit-user" name="user" defaultValue={values.user} {...errorProps("user")}>
              <option value="">Anyone</option>
              {users.map((u) => (
                <option key={u.id} value={u.email}>
                  {u.email}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="audit-user"
              name="user"
              type="text"
              inputMode="email"
              defaultValue={values.user}
              placeholder="email"
              autoComplete="off"
              {...errorProps("user")}
            />
          )}
          {fieldError("user")}
        </div>
        <div>
          <label htmlFor="audit-type">Record type</label>
          <select id="audit-type" name="type" defaultValue={values.type} {...errorProps("type")}>
            <option value="">Any</option>
            {EntityType.options.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          {fieldError("type")}
        </div>
        <div>
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={values.action} {...errorProps("action")}>
            <option value="">Any</option>
            {CHANGE_ACTIONS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          {fieldError("action")}
        </div>
        <div>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={values.from} {...errorProps("from")} />
          {fieldError("from")}
        </div>
        <div>
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={values.to} {...errorProps("to")} />
          {fieldError("to")}
        </div>
        <div className="review-filters-submit">
          <button type="submit" className="btn">
            Filter
          </button>{" "}
          {filtered && <a href="/admin/audit">Clear</a>}
        </div>
      </form>

      {page.data.length === 0 ? (
        <p className="muted">{filtered ? "No change matches these filters." : "Nothing has been recorded yet."}</p>
      ) : (
        <ChangesTable changes={page.data} people={names} record={(c) => recordLink(c.entityType, c.entityId, admin, names)} />
      )}
      <nav className="review-pager" aria-label="Audit log pages">
        {query.cursor && <a href={newestHref}>Newest</a>}
        {olderHref && <a href={olderHref}>Older →</a>}
      </nav>
    </>
  );
}
