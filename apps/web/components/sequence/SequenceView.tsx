"use client";
// Who followed whom: every actor's moves on the topic against a reference move (by default the first
// move to the scale's top category), one step chart per actor row, sorted by when each actor's first
// fact after the reference is known, with its lag and the reactions that link it to the reference.
// Time runs in two panels that meet at the reference (sequence-view.ts says why). The model is core's
// sequenceOf; the rows' words are the table's, so the chart and its table never disagree.
import { SENTIMENT_COLOURS, SENTIMENT_LABELS } from "@stancemap/charts";
import type { Topic } from "@stancemap/core";
import { countsFrom, formatEdtf, ownStances, parseEdtf, type SequenceLink, sequenceOf } from "@stancemap/core/model";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type { CompactActor, CompactEvent, CompactReaction, CompactStance } from "@/lib/dashboard-data";
import {
  lagText,
  rowSegments,
  rowSentence,
  type SequenceScale,
  sequenceScale,
  sequenceSummary,
  spanOf,
  summarySentence,
} from "@/lib/sequence-view";
import { parseRef } from "@/lib/url-state";
import "./sequence.css";

const ROW = 40;
const PAD_Y = 7;

/** The plot's width, measured; before the first measure (the server's HTML) a laptop's, so the chart is
 * in the first paint rather than appearing with the script. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function SequenceView(props: {
  topic: Topic;
  stances: readonly CompactStance[];
  actors: readonly CompactActor[];
  /** The reaction edges; null while they load. */
  reactions: readonly CompactReaction[] | null;
  reactionsError?: string | null;
  /** The events with their actors: who an event is of decides which reactions answer the reference. */
  events: readonly CompactEvent[];
  /** The URL's `ref` (actor@YYYY-MM-DD), null for the default. */
  refParam: string | null;
  selected: string | null;
  onRef: (ref: string | null) => void;
  onSelect: (slug: string) => void;
  /** Where the view's export buttons go (ExportDialog view="sequence"). */
  actions?: ReactNode;
}) {
  const { topic, stances, actors, events } = props;
  const byslug = useMemo(() => new Map(actors.map((a) => [a.slug, a])), [actors]);
  const name = (slug: string) => byslug.get(slug)?.name ?? slug;
  const label = (key: string) => topic.categories.find((c) => c.key === key)?.label ?? key;
  const colour = (key: string) => topic.categories.find((c) => c.key === key)?.colour ?? "var(--muted)";
  const wanted = props.refParam ? parseRef(props.refParam) : null;

  const seq = useMemo(
    () =>
      sequenceOf({
        stances,
        topic: topic.slug,
        categories: topic.categories,
        reference: (props.refParam ? parseRef(props.refParam) : null) ?? undefined,
        reactions: props.reactions ?? [],
        events,
        affiliationOf: (a) => byslug.get(a)?.affiliation ?? undefined,
      }),
    [stances, topic, props.refParam, props.reactions, events, byslug],
  );
  // The default reference (for the selector's "default" and to keep the URL clean).
  const fallback = useMemo(() => sequenceOf({ stances, topic: topic.slug, categories: topic.categories }).reference, [stances, topic]);
  const ref = seq.reference;
  const refValue = ref ? `${ref.actor}@${parseEdtf(ref.date).first}` : "";
  const options = useMemo(
    () =>
      seq.rows.flatMap((r) =>
        r.moves.flatMap((m) =>
          m.to && m.kind !== "ended"
            ? [{ value: `${m.actor}@${parseEdtf(m.date).first}`, date: m.date, actor: m.actor, category: m.to.category }]
            : [],
        ),
      ),
    [seq.rows],
  );

  const [plotRef, width] = useWidth<HTMLDivElement>();
  const scale = useMemo((): SequenceScale | null => {
    if (!ref || width < 80) return null;
    const days = [
      ...seq.rows.flatMap((r) => [...r.moves.map((m) => parseEdtf(m.date).first), ...r.attested.map((s) => parseEdtf(s.attested).first)]),
      ...seq.links.map((l) => parseEdtf(l.date).first),
    ];
    return sequenceScale({ reference: ref.date, days, width });
  }, [ref, seq, width]);

  const linksByRow = useMemo(() => {
    const m = new Map<string, SequenceLink[]>();
    for (const l of seq.links) m.set(l.actor, [...(m.get(l.actor) ?? []), l]);
    return m;
  }, [seq.links]);
  const reactionsById = useMemo(() => new Map((props.reactions ?? []).map((r) => [r.id, r])), [props.reactions]);
  const summary = useMemo(() => sequenceSummary(seq), [seq]);
  const refName = ref ? `${name(ref.actor)}’s move to ${label(ref.category).toLowerCase()} (${formatEdtf(ref.date)})` : "";
  const order = [...topic.categories].sort((a, b) => a.order - b.order);
  const levelY = (key: string) => {
    const i = order.findIndex((c) => c.key === key);
    return PAD_Y + (Math.max(0, i) / Math.max(1, order.length - 1)) * (ROW - 2 * PAD_Y);
  };
  const linkText = (l: SequenceLink) => {
    const r = reactionsById.get(l.reaction);
    const who = l.via ? `${name(l.via)} (${name(l.actor)})` : name(l.actor);
    const sentiment = l.sentiment ? (SENTIMENT_LABELS[l.sentiment] ?? l.sentiment).toLowerCase() : "";
    return `${who}: ${sentiment} reaction to the reference, ${formatEdtf(l.date)} (${lagText(l.lag)} after)${r ? `: ${r.summary}` : ""}`;
  };
  const chosenMissing = wanted && ref && ref.chosen !== "chosen";
  const linksStatus = props.reactionsError
    ? `Could not load the reactions: ${props.reactionsError}`
    : !props.reactions
      ? "Loading the reactions to the reference…"
      : null;

  return (
    <section className="sequence-view" aria-labelledby="sequence-title">
      <header className="sequence-head">
        <h2 id="sequence-title">Who followed whom: {topic.title}</h2>
        {ref ? (
          <div className="sequence-controls">
            <label htmlFor="sequence-ref">Reference move</label>
            <select
              id="sequence-ref"
              value={refValue}
              onChange={(e) => {
                const v = e.target.value;
                const isDefault = fallback && v === `${fallback.actor}@${parseEdtf(fallback.date).first}`;
                props.onRef(isDefault ? null : v);
              }}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {name(o.actor)}: {label(o.category)}, {formatEdtf(o.date)}
                  {fallback && o.value === `${fallback.actor}@${parseEdtf(fallback.date).first}` ? " (default)" : ""}
                </option>
              ))}
            </select>
            {/* The lead wires ExportDialog view="sequence" here. */}
            {props.actions ? <div className="sequence-actions">{props.actions}</div> : null}
          </div>
        ) : null}
        {chosenMissing ? (
          <p className="notice" role="status">
            {name(wanted.actor)} has no dated move on {formatEdtf(wanted.date)}: showing the default reference.
          </p>
        ) : null}
        {ref ? (
          <p className="sequence-summary" data-testid="sequence-summary">
            Reference: <strong>{refName}</strong>
            {ref.chosen === "first-to-top"
              ? ", the first move to the scale’s top category"
              : ref.chosen === "first-move"
                ? ", the first dated move"
                : ""}
            . {summarySentence(summary, `${name(ref.actor)}’s move`)}
          </p>
        ) : (
          <p className="sequence-summary">{seq.reason}</p>
        )}
        {ref ? (
          <p className="muted sequence-how">
            Left: the history before the reference, compressed (years far back, months near it). Right: the days after it. A filled dot is a
            dated move (a faded bar: the sources date it only to a month, a year or a period); an open circle is a stance known only from
            its attestation, not a move; a diamond is a reaction to the reference.
          </p>
        ) : null}
        {linksStatus ? (
          <p className="muted" role="status">
            {linksStatus}
          </p>
        ) : null}
      </header>

      {ref ? (
        <div className="seq-chart">
          <div className="seq-grid seq-axis-row" aria-hidden="true">
            <span />
            <div className="seq-plot" ref={plotRef}>
              {scale ? (
                <svg width={scale.width} height={34} className="seq-axis" aria-hidden="true">
                  {scale.earliest ? (
                    <text x={4} y={11} className="seq-panel-title">
                      Before the reference
                    </text>
                  ) : null}
                  <text x={scale.afterStart + 4} y={11} className="seq-panel-title">
                    Days after
                  </text>
                  {scale.ticks.map((t) => (
                    <g key={`${t.panel}-${t.label}`} transform={`translate(${t.x},0)`}>
                      <line y1={26} y2={34} className="seq-tick" />
                      <text y={24} className="seq-tick-label" textAnchor={t.x < 20 ? "start" : "middle"}>
                        {t.label}
                      </text>
                    </g>
                  ))}
                </svg>
              ) : null}
            </div>
            <span className="seq-lag-head">Lag</span>
          </div>
          <ol className="seq-rows" aria-label={`Actors in order of their first fact after ${refName}`}>
            {seq.rows.map((row) => {
              const isRef = row.actor === ref.actor;
              const own = ownStances(stances, row.actor, topic.slug);
              const sentence = rowSentence(row, name(row.actor), label, isRef);
              const links = linksByRow.get(row.actor) ?? [];
              return (
                <li
                  key={row.actor}
                  className={`seq-grid seq-row${isRef ? " is-reference" : ""}${props.selected === row.actor ? " is-selected" : ""}`}
                  data-actor={row.actor}
                  data-first={row.first?.kind ?? "none"}
                >
                  <button
                    type="button"
                    className="link seq-name"
                    aria-pressed={props.selected === row.actor}
                    onClick={() => props.onSelect(row.actor)}
                  >
                    {name(row.actor)}
                  </button>
                  <div className="seq-plot">
                    {scale ? (
                      <svg width={scale.width} height={ROW} role="img" aria-label={sentence}>
                        {scale.earliest ? (
                          <rect x={scale.afterStart} y={0} width={scale.width - scale.afterStart} height={ROW} className="seq-after-bg" />
                        ) : (
                          <rect x={0} y={0} width={scale.width} height={ROW} className="seq-after-bg" />
                        )}
                        <line x1={scale.x(scale.reference)} x2={scale.x(scale.reference)} y1={0} y2={ROW} className="seq-ref-line" />
                        {rowSegments(scale, own).map((s, i, all) => {
                          const prev = all[i - 1];
                          return (
                            <g key={s.id}>
                              {prev ? (
                                <line x1={s.x0} x2={s.x0} y1={levelY(prev.category)} y2={levelY(s.category)} className="seq-riser" />
                              ) : null}
                              <line
                                x1={s.x0}
                                x2={Math.max(s.x1, s.x0 + 1)}
                                y1={levelY(s.category)}
                                y2={levelY(s.category)}
                                stroke={colour(s.category)}
                                className={`seq-level${s.attested ? " is-attested" : ""}`}
                              />
                            </g>
                          );
                        })}
                        {row.moves.map((m) => {
                          const cat = m.to?.category ?? m.from?.category ?? "";
                          const y = levelY(cat);
                          const text = `${name(row.actor)}: ${m.kind === "ended" ? `${label(cat)} ended` : `moved to ${label(cat)}`}, ${formatEdtf(m.date)}`;
                          const x = scale.x(parseEdtf(m.date).first);
                          return (
                            <g key={`${m.date}-${m.to?.id ?? m.from?.id}`} className="seq-move" data-date={m.date}>
                              <title>{text}</title>
                              {parseEdtf(m.date).exact
                                ? null
                                : spanOf(scale, m.date).map(([a, b]) => (
                                    <rect
                                      key={a}
                                      x={a}
                                      y={y - 4}
                                      width={Math.max(2, b - a)}
                                      height={8}
                                      fill={colour(cat)}
                                      className="seq-window"
                                    />
                                  ))}
                              {m.kind === "ended" ? (
                                <path
                                  d={`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x - 4},${y + 4}L${x + 4},${y - 4}`}
                                  className="seq-ended"
                                />
                              ) : (
                                <circle cx={x} cy={y} r={4.5} fill={colour(cat)} className="seq-dot" />
                              )}
                            </g>
                          );
                        })}
                        {row.attested.map((s) => {
                          const x = scale.x(countsFrom(s));
                          const y = levelY(s.category);
                          return (
                            <g key={s.id} className="seq-attested" data-date={s.attested}>
                              <title>{`${name(row.actor)}: ${label(s.category)}, attested by ${formatEdtf(s.attested)}; the sources do not say when it began`}</title>
                              <circle cx={x} cy={y} r={4.5} stroke={colour(s.category)} className="seq-open" />
                            </g>
                          );
                        })}
                        {links.map((l) => {
                          const x = scale.x(parseEdtf(l.date).first);
                          const fill = (l.sentiment && SENTIMENT_COLOURS[l.sentiment]) || "var(--muted)";
                          const y = ROW - 5;
                          return (
                            <g key={l.reaction} className="seq-link" data-reaction={l.reaction}>
                              <title>{linkText(l)}</title>
                              {spanOf(scale, l.date).map(([a, b]) => (
                                <line key={a} x1={a} x2={Math.max(a + 1, b)} y1={y} y2={y} stroke={fill} className="seq-link-window" />
                              ))}
                              <path d={`M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`} fill={fill} className="seq-diamond" />
                            </g>
                          );
                        })}
                      </svg>
                    ) : null}
                  </div>
                  <span className="seq-lag">
                    {isRef ? (
                      <strong>reference</strong>
                    ) : row.first ? (
                      <>
                        <span className="muted">{row.first.kind === "move" ? "moved " : "attested "}</span>
                        {lagText(row.first.lag)}
                      </>
                    ) : (
                      <span className="muted">nothing after</span>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}

      {ref ? (
        <details className="seq-table">
          <summary>The sequence as a table</summary>
          <table>
            <caption className="visually-hidden">Every actor's first fact after {refName}, its lag, and its dated moves</caption>
            <thead>
              <tr>
                <th scope="col">Actor</th>
                <th scope="col">First fact after the reference</th>
                <th scope="col">Lag</th>
                <th scope="col">Dated moves</th>
                <th scope="col">Reactions to the reference</th>
              </tr>
            </thead>
            <tbody>
              {seq.rows.map((row) => (
                <tr key={row.actor} data-actor={row.actor}>
                  <th scope="row">{name(row.actor)}</th>
                  <td>
                    {row.actor === ref.actor
                      ? "the reference"
                      : row.first
                        ? `${row.first.kind === "move" ? "Moved to" : "Attested (start not stated):"} ${label(row.first.category)}, ${formatEdtf(row.first.date)}`
                        : "nothing"}
                  </td>
                  <td>{row.actor !== ref.actor && row.first ? lagText(row.first.lag) : ""}</td>
                  <td>
                    {row.moves.length
                      ? row.moves
                          .map((m) => `${formatEdtf(m.date)}: ${m.kind === "ended" ? "ended" : label(m.to?.category ?? "")}`)
                          .join("; ")
                      : "none dated"}
                  </td>
                  <td>{(linksByRow.get(row.actor) ?? []).map(linkText).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
