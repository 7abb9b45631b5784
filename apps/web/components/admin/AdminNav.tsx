"use client";
// The admin sections; the current one is marked for screen readers and sighted users alike.
import { usePathname } from "next/navigation";

const RECORDS = [
  ["/admin/actors", "Actors"],
  ["/admin/topics", "Topics"],
  ["/admin/stances", "Stances"],
  ["/admin/reactions", "Reactions"],
  ["/admin/events", "Events"],
  ["/admin/sources", "Sources"],
  ["/admin/gaps", "No-data notes"],
] as const;

export function AdminNav({ pending, isReviewer, isAdmin }: { pending: number; isReviewer: boolean; isAdmin: boolean }) {
  const path = usePathname();
  const current = (href: string) => (href === "/admin" ? path === href : path === href || path.startsWith(`${href}/`)) || undefined;
  const link = (href: string, label: string, extra?: React.ReactNode) => (
    <li key={href}>
      <a href={href} aria-current={current(href) ? "page" : undefined}>
        {label}
        {extra}
      </a>
    </li>
  );
  return (
    <>
      <ul>
        {link("/admin", "Overview")}
        {link(
          "/admin/review",
          isReviewer ? "Review queue" : "Drafts",
          pending > 0 ? (
            <span className="count">
              {pending}
              <span className="visually-hidden"> pending</span>
            </span>
          ) : null,
        )}
        {link("/admin/preview", "Preview with drafts")}
      </ul>
      <h2>Records</h2>
      <ul>{RECORDS.map(([href, label]) => link(href, label))}</ul>
      <h2>Data</h2>
      <ul>
        {link("/admin/transfer", "Import and export")}
        {link("/admin/audit", "Audit log")}
        {isAdmin && link("/admin/users", "Users and tokens")}
        {link("/admin/account", "Your account")}
      </ul>
    </>
  );
}
