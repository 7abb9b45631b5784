// The dashboard: map, network and timeline of one topic at one date. Rendered on the server with
// the colours already in the HTML; the client takes over for time travel, zoom and selection.
import type { Metadata } from "next";
import { Dashboard } from "@/components/dashboard/Dashboard";
import { loadDashboard, todayIso } from "@/lib/server/dashboard";
import { mapGeometry } from "@/lib/server/map-geometry";
import { pageOrigin } from "@/lib/server/origins";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Who stands where on the Taliban government" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { data, state, notices } = await loadDashboard(await searchParams);
  const geometry = mapGeometry(data.actors.flatMap((a) => (a.kind === "state" && a.isoNumeric ? [a.isoNumeric] : [])));
  // Defaults, not the URL's values: nuqs drops a parameter equal to its default from the address,
  // so the default date must be today's, or a link to the date it was opened on would lose it.
  const defaults = { topic: data.topics[0]?.slug ?? state.topic, date: todayIso(), view: "map" as const };
  return <Dashboard data={data} geometry={geometry} defaults={defaults} notices={notices} exportOrigin={await pageOrigin()} />;
}
