// Reactions around an actor: those it (and its members) gave, those aimed at it, and others' reactions
// to the events it took part in. Each with its sentiment, who reacted to whom or to what, and evidence.
import { SENTIMENT_COLOURS, SENTIMENT_LABELS } from "@stancemap/charts";
import type { Reaction } from "@stancemap/core";
import { compareEdtf, formatEdtf } from "@stancemap/core/model";
import { EvidenceList } from "@/components/dashboard/Evidence";
import { reactionDate } from "@/lib/reaction-date";
import { EvidenceBlock } from "./EvidenceBlock";
import { ActorLink, type PageLookups } from "./lookups";

function Target(props: { reaction: Reaction; lookups: PageLookups; current: string }) {
  const { target } = props.reaction;
  if ("actor" in target) return <ActorLink slug={target.actor} lookups={props.lookups} current={props.current} />;
  const event = props.lookups.events.get(target.event);
  return <cite className="reaction-event">{event ? event.title : target.event}</cite>;
}

export function ReactionItem(props: {
  reaction: Reaction;
  lookups: PageLookups;
  current: string;
  /** Under its event's heading: the target goes without saying, and the evidence is folded. */
  grouped?: boolean;
}) {
  const r = props.reaction;
  const colour = SENTIMENT_COLOURS[r.sentiment] ?? "#888888";
  const quotes = r.evidence.filter((e) => e.quote).length;
  return (
    <li className="reaction-item" data-reaction={r.id} style={{ ["--sentiment" as string]: colour }}>
      <p className="reaction-head">
        <span className="sentiment-pill">
          <span className="sentiment-dot" style={{ background: colour }} aria-hidden="true" />
          {SENTIMENT_LABELS[r.sentiment] ?? r.sentiment}
        </span>
        <span className="reaction-who">
          <ActorLink slug={r.actor} lookups={props.lookups} current={props.current} />
          {props.grouped ? null : (
            <>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> reacting to </span>
              <Target reaction={r} lookups={props.lookups} current={props.current} />
            </>
          )}
        </span>
        <span className="reaction-date muted">{reactionDate(r)}</span>
      </p>
      <p>{r.summary}</p>
      {props.grouped ? (
        <details className="reaction-evidence">
          <summary>
            Evidence: {r.evidence.length} source{r.evidence.length === 1 ? "" : "s"}
            {quotes ? `, ${quotes} quote${quotes === 1 ? "" : "s"}` : ""}
          </summary>
          <EvidenceList evidence={r.evidence} sources={props.lookups.sources} speakers={props.lookups.names} />
        </details>
      ) : (
        <EvidenceBlock evidence={r.evidence} lookups={props.lookups} />
      )}
    </li>
  );
}

export function ReactionList(props: { reactions: readonly Reaction[]; lookups: PageLookups; current: string; grouped?: boolean }) {
  return (
    <ol className="reaction-list">
      {props.reactions.map((r) => (
        <ReactionItem key={r.id} reaction={r} lookups={props.lookups} current={props.current} grouped={props.grouped} />
      ))}
    </ol>
  );
}

/** By when each was made, or (undated) first reported. */
const byDate = (a: Reaction, b: Reaction) => compareEdtf(a.date || a.attested, b.date || b.attested) || (a.id < b.id ? -1 : 1);

export function Reactions(props: {
  name: string;
  slug: string;
  given: readonly Reaction[];
  memberGiven: readonly Reaction[];
  received: readonly Reaction[];
  toEvents: readonly Reaction[];
  lookups: PageLookups;
}) {
  const { lookups, slug, name } = props;
  const given = [...props.given, ...props.memberGiven].sort(byDate);
  const toEvents = new Map<string, Reaction[]>();
  for (const r of [...props.toEvents].sort(byDate)) {
    if (!("event" in r.target)) continue;
    toEvents.set(r.target.event, [...(toEvents.get(r.target.event) ?? []), r]);
  }
  const dateOf = (slug: string) => lookups.events.get(slug)?.date;
  const events = [...toEvents.keys()].sort((a, b) => {
    const x = dateOf(a);
    const y = dateOf(b);
    return x && y ? compareEdtf(x, y) : x ? 1 : -1;
  });

  return (
    <>
      <div className="reaction-columns">
        <section aria-labelledby="reactions-given">
          <h3 id="reactions-given">Given</h3>
          {props.memberGiven.length > 0 ? <p className="muted small">By {name} and its members.</p> : null}
          {given.length ? (
            <ReactionList reactions={given} lookups={lookups} current={slug} />
          ) : (
            <p className="muted">No reactions by {name} are recorded.</p>
          )}
        </section>
        <section aria-labelledby="reactions-received">
          <h3 id="reactions-received">Received</h3>
          {props.received.length ? (
            <ReactionList reactions={[...props.received].sort(byDate)} lookups={lookups} current={slug} />
          ) : (
            <p className="muted">No reactions to {name} are recorded.</p>
          )}
        </section>
      </div>
      {events.length > 0 ? (
        <section aria-labelledby="reactions-events" className="reactions-to-events">
          <h3 id="reactions-events">Reactions to events {name} took part in</h3>
          {events.map((slugOfEvent) => {
            const event = lookups.events.get(slugOfEvent);
            const list = toEvents.get(slugOfEvent) ?? [];
            return (
              <div key={slugOfEvent} className="event-reactions">
                <h4>
                  {event ? event.title : slugOfEvent}
                  {event ? <span className="muted"> · {formatEdtf(event.date)}</span> : null}
                  <span className="muted">
                    {" "}
                    · {list.length} reaction{list.length === 1 ? "" : "s"}
                  </span>
                </h4>
                <SentimentBar reactions={list} />
                <ReactionList reactions={list} lookups={lookups} current={slug} grouped />
              </div>
            );
          })}
        </section>
      ) : null}
    </>
  );
}

/** How the reactions to one event split by sentiment, as a thin stacked bar with counts. */
function SentimentBar(props: { reactions: readonly Reaction[] }) {
  const order = Object.keys(SENTIMENT_COLOURS);
  const counts = order.map((s) => ({ s, n: props.reactions.filter((r) => r.sentiment === s).length })).filter((c) => c.n > 0);
  const total = props.reactions.length;
  if (total < 2) return null;
  return (
    <div className="sentiment-split">
      <div className="sentiment-bar" aria-hidden="true">
        {counts.map((c) => (
          <span key={c.s} style={{ flexGrow: c.n, background: SENTIMENT_COLOURS[c.s] }} />
        ))}
      </div>
      <ul className="sentiment-counts">
        {counts.map((c) => (
          <li key={c.s}>
            <span className="sentiment-dot" style={{ background: SENTIMENT_COLOURS[c.s] }} aria-hidden="true" />
            {SENTIMENT_LABELS[c.s] ?? c.s}: {c.n}
          </li>
        ))}
      </ul>
    </div>
  );
}
