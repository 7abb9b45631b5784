// Actors related to this one: whom it belongs to, its members, whom it reacted to and who reacted to
// it, and who reacted to the same events. Each a link to that actor's page.
import type { ActorPage } from "@stancemap/db";
import { ActorLink, KIND_NAMES, type PageLookups } from "./lookups";

interface Group {
  id: string;
  title: string;
  slugs: string[];
  /** A note per actor, e.g. the events both reacted to. */
  notes?: Map<string, string>;
}

const unique = (slugs: readonly string[], self: string) => [...new Set(slugs)].filter((s) => s !== self);

export function Related(props: { page: ActorPage; lookups: PageLookups }) {
  const { page, lookups } = props;
  const { actor } = page;
  const byName = (slugs: string[]) => slugs.sort((a, b) => (lookups.names.get(a) ?? a).localeCompare(lookups.names.get(b) ?? b));
  const eventTitle = (slug: string) => lookups.events.get(slug)?.title ?? slug;
  const shared = new Map<string, number>();
  for (const e of page.events) for (const a of e.actors) if (a !== actor.slug) shared.set(a, (shared.get(a) ?? 0) + 1);
  const groups: Group[] = [
    { id: "affiliation", title: "Part of", slugs: actor.affiliation ? [actor.affiliation] : [] },
    { id: "members", title: "Members", slugs: page.members.map((m) => m.slug) },
    {
      id: "reacted-to",
      title: "Reacted to",
      slugs: byName(
        unique(
          actor.reactionsGiven.flatMap((r) => ("actor" in r.target ? [r.target.actor] : [])),
          actor.slug,
        ),
      ),
    },
    {
      id: "reacted-by",
      title: "Reactions from",
      slugs: byName(
        unique(
          actor.reactionsReceived.map((r) => r.actor),
          actor.slug,
        ),
      ),
    },
    {
      id: "co-reactors",
      title: "Reacted to the same events",
      slugs: byName(page.coReactors.map((c) => c.actor)),
      notes: new Map(page.coReactors.map((c) => [c.actor, c.events.map(eventTitle).join("; ")])),
    },
    {
      id: "reacted-to-its-events",
      title: "Reacted to events it took part in",
      slugs: byName(
        unique(
          page.eventReactions.map((r) => r.actor),
          actor.slug,
        ),
      ),
    },
    {
      id: "took-part-with",
      title: "Took part in the same events",
      slugs: [...shared.keys()].sort((a, b) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || a.localeCompare(b)),
      notes: new Map([...shared].map(([s, n]) => [s, `${n} shared event${n === 1 ? "" : "s"}`])),
    },
  ].filter((g) => g.slugs.length > 0);

  if (groups.length === 0) return <p className="muted">No related actors are recorded for {actor.name}.</p>;
  return (
    <div className="related">
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`related-${g.id}`} className="related-group">
          <h3 id={`related-${g.id}`}>{g.title}</h3>
          <ul>
            {g.slugs.map((slug) => {
              const ref = lookups.actors.get(slug);
              const detail = ref?.role ?? (ref ? KIND_NAMES[ref.kind] : undefined);
              const note = g.notes?.get(slug);
              return (
                <li key={slug}>
                  <ActorLink slug={slug} lookups={lookups} />
                  {detail ? <span className="muted"> · {detail}</span> : null}
                  {note ? <span className="related-note muted">{note}</span> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
