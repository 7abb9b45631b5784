// The admin overview: what waits for review, what came back to the caller, and recent changes.
import { roleAtLeast } from "@stancemap/core";
import { auditLog, getDb, listDrafts, userNames } from "@stancemap/db";
import type { Metadata } from "next";
import { actionText } from "@/components/admin/review/format";
import { currentPrincipal } from "@/lib/server/dal";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminHome() {
  const who = await currentPrincipal();
  if (!who) return null;
  const db = getDb();
  const [pending, returned, recent] = await Promise.all([
    listDrafts(db, who, { status: ["pending"] }),
    listDrafts(db, who, { status: ["returned"], author: who.id }),
    auditLog(db, who, { limit: 10 }),
  ]);
  // People by name, not by account id: the authors, who did each change, and accounts changed.
  const names = await userNames(db, who, [
    ...pending.map((d) => d.authorId),
    ...recent.data.flatMap((c) => [c.userId, c.entityType === "user" ? c.entityId : null]),
  ]);
  const person = (id: string | null, fallback: string | null) => (id ? names.get(id) : undefined) ?? fallback ?? "system";
  const what = (type: string, id: string) =>
    type === "user" ? `account of ${names.get(id) ?? "a removed user"}` : type === "token" ? "an API token" : `${type} ${id}`;
  return (
    <>
      <h1>Overview</h1>
      <p>
        {roleAtLeast(who.role, "reviewer")
          ? "You can edit, publish and revert."
          : "You can add and edit records as drafts; a reviewer publishes them."}{" "}
        The public dashboard shows published data only.
      </p>
      <h2>Waiting for review</h2>
      {pending.length === 0 ? (
        <p className="muted">Nothing is waiting.</p>
      ) : (
        <ul>
          {pending.map((d) => (
            <li key={d.id}>
              <a href={`/admin/drafts/${d.id}`}>{d.title}</a>{" "}
              <span className="muted">
                by {person(d.authorId, d.authorEmail)}, {d.items.length} change(s)
              </span>
            </li>
          ))}
        </ul>
      )}
      {returned.length > 0 && (
        <>
          <h2>Sent back to you</h2>
          <ul>
            {returned.map((d) => (
              <li key={d.id}>
                <a href={`/admin/drafts/${d.id}`}>{d.title}</a>: <q>{d.comment}</q>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Recent changes</h2>
      <ul>
        {recent.data.map((c) => (
          <li key={c.id}>
            <time dateTime={c.at}>{c.at.slice(0, 16).replace("T", " ")}</time> {person(c.userId, c.userEmail)} · {actionText(c.action)} ·{" "}
            <span dir="auto">{what(c.entityType, c.entityId)}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/audit">Full audit log</a>
      </p>
    </>
  );
}
