// The actor page: an actor's whole record, rendered on the server from the database at request time.
// A state also answers to its ISO alpha-3 code (/actors/RUS), which redirects to its slug.
import { formatEdtf, todayIso } from "@stancemap/core";
import { getActorPage, getDb } from "@stancemap/db";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ActorHeader } from "@/components/actor/ActorHeader";
import { Events } from "@/components/actor/Events";
import { Glance } from "@/components/actor/Glance";
import { lookupsOf } from "@/components/actor/lookups";
import { Reactions } from "@/components/actor/Reactions";
import { Related } from "@/components/actor/Related";
import { StanceHistory } from "@/components/actor/StanceHistory";
import { LazyExportDialog } from "@/components/export/LazyExportDialog";
import { actorExportData } from "@/lib/server/export";
import { pageOrigin } from "@/lib/server/origins";
import { socialMetadata } from "@/lib/server/social";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** One read per request, shared by the metadata and the page. */
const load = cache(async (slug: string) => (slug.length > 120 ? null : getActorPage(getDb(), slug)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await load(slug);
  if (!page) return { title: "Actor not found" };
  const description = page.actor.description ?? `${page.actor.name}: stances, reactions and events in Stancemap.`;
  // The card: the actor's stance history on its first topic, as the page's first chart shows it.
  const topic = page.topics[0];
  const social = topic
    ? await socialMetadata({
        title: `${page.actor.name}: ${topic.title}`,
        description,
        path: `/actors/${page.actor.slug}`,
        view: "actor",
        query: { topic: topic.slug, date: todayIso(), actor: page.actor.slug },
        alt: `${page.actor.name}'s stance history on ${topic.title.toLowerCase()}, to ${formatEdtf(todayIso())}.`,
      })
    : {};
  return {
    title: page.actor.name,
    description,
    alternates: { canonical: `/actors/${page.actor.slug}` },
    ...social,
  };
}

export default async function ActorPage({ params }: Props) {
  const { slug } = await params;
  const page = await load(slug);
  if (!page) notFound();
  if (page.actor.slug !== slug) permanentRedirect(`/actors/${page.actor.slug}`);

  const { actor, topics } = page;
  const lookups = lookupsOf(page);
  const today = todayIso();
  const [exportData, origin] = await Promise.all([actorExportData(actor.slug, topics), pageOrigin()]);
  const reactionCount =
    actor.reactionsGiven.length + page.memberReactions.length + actor.reactionsReceived.length + page.eventReactions.length;

  return (
    <article className="actor-page" data-actor={actor.slug}>
      <nav className="actor-crumbs" aria-label="Breadcrumb">
        <a href={`/?actor=${encodeURIComponent(actor.slug)}`}>← Dashboard</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{actor.name}</span>
      </nav>

      <ActorHeader page={page} lookups={lookups} />

      <nav className="actor-toc" aria-label="On this page">
        <a href="#stances">Stances</a>
        <a href="#reactions">Reactions ({reactionCount})</a>
        <a href="#related">Related actors</a>
        <a href="#events">Events ({page.events.length})</a>
      </nav>

      <section aria-labelledby="stances" className="actor-section">
        <h2 id="stances">Where {actor.name} stands</h2>
        <Glance actor={actor} topics={topics} today={today} />
        <div className="topic-histories">
          {topics.map((topic, i) => (
            <StanceHistory
              exportSlot={
                <LazyExportDialog
                  view="actor"
                  data={exportData[i] as NonNullable<(typeof exportData)[number]>}
                  state={{ topic: topic.slug, date: today, actor: actor.slug }}
                  origin={origin}
                  label={`Export this chart…`}
                />
              }
              key={topic.slug}
              topic={topic}
              actor={actor}
              stances={actor.stances.filter((s) => s.topic === topic.slug)}
              gap={actor.gaps.find((g) => g.topic === topic.slug)}
              today={today}
              lookups={lookups}
            />
          ))}
        </div>
      </section>

      <section aria-labelledby="reactions" className="actor-section">
        <h2 id="reactions">Reactions</h2>
        <Reactions
          name={actor.name}
          slug={actor.slug}
          given={actor.reactionsGiven}
          memberGiven={page.memberReactions}
          received={actor.reactionsReceived}
          toEvents={page.eventReactions}
          lookups={lookups}
        />
      </section>

      <div className="actor-columns">
        <section aria-labelledby="related" className="actor-section">
          <h2 id="related">Related actors</h2>
          <Related page={page} lookups={lookups} />
        </section>
        <section aria-labelledby="events" className="actor-section">
          <h2 id="events">Events</h2>
          <Events events={page.events} name={actor.name} />
        </section>
      </div>
    </article>
  );
}
