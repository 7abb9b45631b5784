// The dashboard: map, network and timeline of one topic at one date. Rendered on the server with
// the colours already in the HTML; the client takes over for time travel, zoom and selection.
import { RevisionUnavailable } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentHref, RevisionNotice } from "@/components/cite/RevisionNotice";
import { Dashboard } from "@/components/dashboard/Dashboard";
import { loadDashboard, todayIso } from "@/lib/server/dashboard";
import { mapGeometry } from "@/lib/server/map-geometry";
import { pageOrigin } from "@/lib/server/origins";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Who stands where on the Taliban government" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  // `?revision=N` shows the data as published then; a revision that does not exist is not found.
  const loaded = await loadDashboard(raw).catch((e: unknown) => {
    if (e instanceof RevisionUnavailable) notFound();
    throw e;
  });
  const { data, state, notices } = loaded;
  const geometry = mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  // Defaults, not the URL's values: nuqs drops a parameter equal to its default from the address,
  // so the default date must be today's, or a link to the date it was opened on would lose it.
  const defaults = { topic: data.topics[0]?.slug ?? state.topic, date: todayIso(), view: "map" as const };
  return (
    <>
      <RevisionNotice shown={data.shown} currentHref={currentHref("/", raw)} />
      <Dashboard data={data} geometry={geometry} defaults={defaults} notices={notices} exportOrigin={await pageOrigin()} />
    </>
  );
}
