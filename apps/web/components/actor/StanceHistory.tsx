// An actor's stances on one topic: the step chart, then each step with its dates, summary, note,
// confidence and evidence. Without stances: the topic's "no data" note, or that nothing is recorded.
import { stepDates } from "@stancemap/charts";
import type { DataGap, Stance, Topic } from "@stancemap/core";
import { formatEdtf, stanceHistory } from "@stancemap/core/model";
import type { ReactNode } from "react";
import { EvidenceBlock } from "./EvidenceBlock";
import type { PageLookups } from "./lookups";
import { StepChart } from "./StepChart";

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
  const qualifierLabel = new Map((topic.qualifiers ?? []).map((q) => [q.key, q.label]));
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
          <GapNote gap={props.gap} />
        ) : (
          <p className="muted">No stance on this topic is recorded for {actor.name}.</p>
        )
      ) : (
        <>
          <StepChart topic={topic} stances={props.stances} actor={actor.slug} actorName={actor.name} today={props.today} />
          {props.gap ? <GapNote gap={props.gap} /> : null}
          <ol className="step-list">
            {steps.map((step) => {
              const { stance } = step;
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
                    <span className="step-dates">{stepDates(step)}</span>
                    <span className={`confidence confidence-${stance.confidence}`}>
                      {CONFIDENCE[stance.confidence] ?? stance.confidence}
                    </span>
                  </p>
                  {stance.qualifiers.length ? (
                    <ul className="step-qualifiers">
                      {stance.qualifiers.map((q) => (
                        <li key={q}>{qualifierLabel.get(q) ?? q}</li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="muted step-attested">
                    {stance.validFrom
                      ? `First attested ${formatEdtf(stance.attested)}.`
                      : `Start not stated; first attested ${formatEdtf(stance.attested)}.`}
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

/** "until 3 July 2025", "from 2021 until 3 July 2025": the period an editor's note covers. */
function notePeriod(gap: DataGap): string {
  if (gap.validFrom && gap.validUntil) return `from ${formatEdtf(gap.validFrom)} until ${formatEdtf(gap.validUntil)}`;
  if (gap.validUntil) return `until ${formatEdtf(gap.validUntil)}`;
  return `from ${formatEdtf(gap.validFrom)}`;
}

/** An editor's no-data note, with the period it holds for when it has one. */
function GapNote({ gap }: { gap: DataGap }) {
  return (
    <div className="no-data">
      <p>
        <span className="swatch swatch-no-data" aria-hidden="true" /> <strong>No data</strong>
        {gap.validFrom || gap.validUntil ? <span className="muted"> {notePeriod(gap)}</span> : null}
      </p>
      <p>{gap.note}</p>
    </div>
  );
}
