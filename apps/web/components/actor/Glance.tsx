// Where the actor stands today on each topic: one card per topic, linking to its history below.
import type { ActorDetail, Topic } from "@stancemap/core";
import { describeHolding, gapReason, stanceAt } from "@stancemap/core/model";

export function Glance(props: { actor: ActorDetail; topics: readonly Topic[]; today: string }) {
  const { actor, today } = props;
  return (
    <ul className="glance" aria-label={`Where ${actor.name} stands today`}>
      {props.topics.map((topic) => {
        const now = stanceAt(actor.stances, actor.slug, topic.slug, today);
        const category = now ? topic.categories.find((c) => c.key === now.stance.category) : undefined;
        const gap = actor.gaps.find((g) => g.topic === topic.slug);
        const why = now ? null : gapReason({ actor: actor.slug, topic: topic.slug, date: today, stances: actor.stances, gap });
        const position = category ? `${category.order} of ${topic.categories.length}` : null;
        return (
          <li key={topic.slug} className="glance-card" style={{ ["--glance" as string]: category?.colour ?? "var(--nodata)" }}>
            <a href={`#topic-${topic.slug}`} className="glance-topic">
              {topic.title}
            </a>
            {now && category ? (
              <>
                <p className="glance-value">
                  <span className="swatch" style={{ background: category.colour }} aria-hidden="true" />
                  {category.label}
                </p>
                <p className="muted glance-since">
                  {describeHolding(now, today).replace(/^./, (c) => c.toUpperCase())}
                  {position ? <span className="visually-hidden">; position {position} on the scale</span> : null}
                </p>
              </>
            ) : (
              <>
                <p className={why?.kind === "note" ? "glance-value" : "glance-value muted"}>
                  <span className="swatch swatch-no-data" aria-hidden="true" />
                  {why?.kind === "none-recorded" ? "Not recorded" : "No data"}
                </p>
                <p className="muted glance-since">
                  {why?.kind === "note" ? "The sources state no stance: see the note below" : why?.reason}
                </p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
