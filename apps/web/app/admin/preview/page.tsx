// The dashboard as it will look once every open draft is published: for editors and reviewers only,
// never cached, never indexed. Same components as the public dashboard, full width.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { Dashboard } from "@/components/dashboard/Dashboard";
import { currentPrincipal } from "@/lib/server/dal";
import { boundsOf, checkAgainstData, loadDashboard, todayIso } from "@/lib/server/dashboard";
import { mapLayout } from "@/lib/server/map-geometry";
import "../admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Preview with drafts", robots: { index: false } };

export default async function PreviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const who = await currentPrincipal();
  if (!who) redirect("/admin/sign-in?next=%2Fadmin%2Fpreview");
  const raw = await searchParams;
  const loaded = await loadDashboard(raw, { preview: who });
  const { data, drafts } = loaded;
  const checked = checkAgainstData(raw, { topic: data.topic, bounds: boundsOf(data) }, loaded.state);
  const state = checked.state;
  const notices = [...loaded.notices, ...checked.notices];
  const geometry = mapLayout(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  const defaults = { topic: data.topics[0]?.slug ?? state.topic, date: todayIso(), view: "map" as const };
  return (
    <>
      <p className="preview-banner" role="status">
        <strong>Preview, not public:</strong> published data with {drafts} open draft change{drafts === 1 ? "" : "s"} applied.{" "}
        <a href="/admin/review">Back to the review queue</a>
      </p>
      <NuqsAdapter>
        <Dashboard data={data} geometry={geometry} defaults={defaults} notices={notices} />
      </NuqsAdapter>
    </>
  );
}
