// The actor page: an actor's whole record, rendered on the server from the database at request time.
// A state also answers to its ISO alpha-3 code (/actors/RUS), which redirects to its slug.
import { formatEdtf, todayIso } from "@stancemap/core";
import { cachedRead, type Db, getActorPage, getDb, RevisionUnavailable, readRevision, withPublishedAt } from "@stancemap/db";
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
import { CiteThis } from "@/components/cite/CiteThis";
import { currentHref, RevisionNotice } from "@/components/cite/RevisionNotice";
import { LazyExportDialog } from "@/components/export/LazyExportDialog";
import { ScriptFonts } from "@/components/fonts/ScriptFonts";
import { scriptsIn } from "@/lib/scripts";
import { pinnedRevision, revisionShown } from "@/lib/server/dashboard";
import { actorExportData } from "@/lib/server/export";
import { pageOrigin } from "@/lib/server/origins";
import { socialMetadata } from "@/lib/server/social";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The actor's record and its charts' export data, from one database (the current one, or a revision's). The
 * same for every request of a revision, so kept in the read cache (keyed by the revision read first: a
 * publish is seen by the next request); a page of an actor with hundreds of reactions is a dozen queries.
 */
async function read(db: Db, slug: string) {
  return cachedRead(
    db,
    await readRevision(db),
    `page:/actors\u0000${slug}`,
    async () => {
      const page = await getActorPage(db, slug);
      return page && { page, exportData: await actorExportData(page.actor.slug, page.topics, db) };
    },
    (value) => (JSON.stringify(value)?.length ?? 0) * 3,
  );
}

/**
 * One read per request, shared by the metadata and the page. `?revision=N` reads the data as published
 * in revision N; a revision that does not exist is not found.
 */
const load = cache(async (slug: string, revision: string | undefined) => {
  if (slug.length > 120) return null;
  const pin = pinnedRevision({ revision });
  try {
    const shown = await revisionShown(pin);
    const got = pin === null ? await read(getDb(), slug) : await withPublishedAt(getDb(), pin, (db) => read(db, slug));
    return got && { ...got, shown };
  } catch (e) {
    if (e instanceof RevisionUnavailable) return null;
    throw e;
  }
});

const revisionOf = (raw: Record<string, string | string[] | undefined>) => {
  const v = raw.revision;
  return Array.isArray(v) ? v[0] : v;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = (await load(slug, revisionOf(await searchParams)))?.page;
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

export default async function ActorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const raw = await searchParams;
  const loaded = await load(slug, revisionOf(raw));
  if (!loaded) notFound();
  const { page, exportData, shown } = loaded;
  if (page.actor.slug !== slug) permanentRedirect(`/actors/${page.actor.slug}${shown?.pinned ? `?revision=${shown.revision}` : ""}`);

  const { actor, topics } = page;
  const lookups = lookupsOf(page);
  const today = todayIso();
  const origin = await pageOrigin();
  const reactionCount =
    actor.reactionsGiven.length + page.memberReactions.length + actor.reactionsReceived.length + page.eventReactions.length;

  return (
    <article className="actor-page" data-actor={actor.slug}>
      <nav className="actor-crumbs" aria-label="Breadcrumb">
        <a href={`/?actor=${encodeURIComponent(actor.slug)}`}>← Dashboard</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{actor.name}</span>
      </nav>
      <RevisionNotice shown={shown} currentHref={currentHref(`/actors/${actor.slug}`, raw)} />
      {/* In the HTML when the record has Arabic or Chinese text (local names, quotes), so it never shows in a fallback first. */}
      <ScriptFonts {...scriptsIn(JSON.stringify(page))} />

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
                  shown={shown}
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

      <div className="actor-section actor-cite">
        <CiteThis
          heading="h2"
          title={actor.name}
          description="stances, reactions and events"
          path={`/actors/${actor.slug}`}
          origin={origin}
          shown={shown}
        />
      </div>
    </article>
  );
}
