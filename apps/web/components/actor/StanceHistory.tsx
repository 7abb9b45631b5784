// An actor's stances on one topic: the step chart, then each step with its dates, summary, note,
// confidence and evidence. Without stances: the topic's "no data" note, or that nothing is recorded.
import type { DataGap, Stance, Topic } from "@stancemap/core";
import { stanceHistory } from "@stancemap/core";
import type { ReactNode } from "react";
import { EvidenceBlock } from "./EvidenceBlock";
import type { PageLookups } from "./lookups";
import { StepChart, stepDates } from "./StepChart";

const CONFIDENCE: Record<string, string> = { high: "High confidence", medium: "Medium confidence", low: "Low confidence" };

export function StanceHistory(props: {
  topic: Topic;
  actor: { slug: string; name: string };
  stances: readonly Stance[];
  gap: DataGap | undefined;
  today: string;
  lookups: PageLookups;
  /** The export button for this chart. */
  exportSlot?: ReactNode;
}) {
  const { topic, actor, lookups } = props;
  const steps = stanceHistory(props.stances, actor.slug, topic.slug);
  const categories = new Map(topic.categories.map((c) => [c.key, c]));
  const precisionOf = new Map(props.stances.map((s) => [s.validFrom, s.validFromPrecision]));
  const headingId = `topic-${topic.slug}`;

  return (
    <section className="topic-history card" aria-labelledby={headingId} data-topic={topic.slug}>
      <div className="topic-history-head">
        <h3 id={headingId}>{topic.title}</h3>
        {props.exportSlot}
      </div>
      <p className="muted topic-question">{topic.question}</p>
      {steps.length === 0 ? (
        props.gap ? (
          <div className="no-data">
            <p>
              <span className="swatch swatch-no-data" aria-hidden="true" /> <strong>No data</strong>
            </p>
            <p>{props.gap.note}</p>
          </div>
        ) : (
          <p className="muted">No stance on this topic is recorded for {actor.name}.</p>
        )
      ) : (
        <>
          <StepChart topic={topic} stances={props.stances} actor={actor.slug} actorName={actor.name} today={props.today} />
          <ol className="step-list">
            {steps.map(({ stance, until }) => {
              const category = categories.get(stance.category);
              return (
                <li
                  key={stance.id}
                  id={`stance-${stance.id}`}
                  className="step-item"
                  style={{ ["--step" as string]: category?.colour ?? "var(--line)" }}
                >
                  <p className="step-head">
                    <span className="chip">
                      <span className="swatch" style={{ background: category?.colour }} aria-hidden="true" />
                      <strong>{category?.label ?? stance.category}</strong>
                    </span>
                    <span className="step-dates">{stepDates(stance, until, until ? (precisionOf.get(until) ?? "day") : "day")}</span>
                    <span className={`confidence confidence-${stance.confidence}`}>
                      {CONFIDENCE[stance.confidence] ?? stance.confidence}
                    </span>
                  </p>
                  <p>{stance.summary}</p>
                  {stance.note ? <p className="step-note muted">{stance.note}</p> : null}
                  <EvidenceBlock evidence={stance.evidence} lookups={lookups} />
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
