"use client";
// Events and stance changes along time, with the date control that drives the map and the network:
// a slider, a typed date, clickable events, and a play button that runs through the years. Dates are
// drawn at their precision: an exact day is a point, "2022" or "March 2024" a span over its days.
// Below the chart, the stance changes and events of the chosen day, in words.
import { changeMarks, dateAt, dateSpan, layoutMarks, ticks, timelineScale } from "@stancemap/charts";
import { formatEdtf, OPEN_END, OPEN_START } from "@stancemap/core/model";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CompactEvent, CompactStance } from "@/lib/dashboard-data";
import { isIsoDate, MAX_STANCE_MARKS } from "@/lib/url-state";

const WIDTH = 960;
const HEIGHT = 96;
const DAY = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

interface Named {
  key: string;
  label: string;
}

export function Timeline(props: {
  from: string;
  to: string;
  date: string;
  events: readonly CompactEvent[];
  stances: readonly CompactStance[];
  topic: string;
  categories: readonly (Named & { colour: string })[];
  qualifiers: readonly Named[];
  selectedActor: string | null;
  actorName: (slug: string) => string;
  onDate: (date: string, opts?: { replace?: boolean }) => void;
}) {
  const { from, to, date, onDate } = props;
  const scale = useMemo(() => timelineScale(from, to, WIDTH), [from, to]);
  const [typed, setTyped] = useState(date);
  const [typedError, setTypedError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const dateRef = useRef(date);
  dateRef.current = date;
  useEffect(() => setTyped(date), [date]);

  const colours = useMemo(() => new Map(props.categories.map((c) => [c.key, c.colour])), [props.categories]);
  // Every stance change of the topic (core's rule: a stance known only from its attestation is none).
  const changes = useMemo(
    () =>
      changeMarks(props.stances, props.topic, {
        actor: props.actorName,
        category: new Map(props.categories.map((c) => [c.key, c.label])),
        qualifier: new Map(props.qualifiers.map((q) => [q.key, q.label])),
      }),
    [props.stances, props.topic, props.categories, props.qualifiers, props.actorName],
  );

  const marks = useMemo(() => {
    const inRange = (d: string) => {
      const { first, last } = dateSpan(d);
      return last >= from && first <= to;
    };
    const stanceMarks = changes
      .filter((c) => inRange(c.date) && (!props.selectedActor || c.actor === props.selectedActor))
      .slice(0, MAX_STANCE_MARKS)
      .map((c) => ({ id: c.id, date: c.date, kind: "stance" as const, label: c.label, category: c.category, ended: c.kind === "ended" }));
    const eventMarks = props.events
      .filter((e) => inRange(e.date))
      .map((e) => ({ id: `e:${e.slug}`, date: e.date, kind: "event" as const, label: e.title, category: "", ended: false }));
    return layoutMarks([...eventMarks, ...stanceMarks], scale, 9, 4);
  }, [changes, props.events, props.selectedActor, scale, from, to]);

  // What happened on the chosen day: changes and events dated to it, and those dated only coarsely
  // (a month, a year, "c.") whose span includes it.
  const day = useMemo(() => {
    // Spans with both ends known: "from 2021 on" is no date that may be this one.
    const covers = (d: string) => {
      const s = dateSpan(d);
      return s.first !== OPEN_START && s.last !== OPEN_END && s.first <= date && date <= s.last;
    };
    const onDay = (d: string) => dateSpan(d).exact && dateSpan(d).first === date;
    const scoped = changes.filter((c) => !props.selectedActor || c.actor === props.selectedActor);
    return {
      changes: scoped.filter((c) => onDay(c.date)),
      events: props.events.filter((e) => onDay(e.date)),
      around: [
        ...scoped.filter((c) => !dateSpan(c.date).exact && covers(c.date)).map((c) => ({ id: c.id, date: c.date, label: c.label })),
        ...props.events
          .filter((e) => !dateSpan(e.date).exact && covers(e.date))
          .map((e) => ({ id: `e:${e.slug}`, date: e.date, label: e.title })),
      ],
    };
  }, [changes, props.events, props.selectedActor, date]);

  useEffect(() => {
    if (!playing) return;
    const end = toDay(to);
    let day = toDay(dateRef.current) >= end - 1 ? toDay(from) : toDay(dateRef.current);
    const timer = setInterval(() => {
      day = Math.min(end, day + 14);
      onDate(fromDay(day), { replace: true });
      if (day >= end) setPlaying(false);
    }, 80);
    return () => clearInterval(timer);
  }, [playing, from, to, onDate]);

  const total = toDay(to) - toDay(from);
  const value = Math.max(0, Math.min(total, toDay(date) - toDay(from)));
  const cursor = scale(new Date(`${date}T00:00:00Z`));

  // The marks do not depend on the date: the same element is reused, so moving the date re-renders only the cursor.
  const markLayer = useMemo(
    () => (
      <g>
        {marks.map((m) => {
          const y = 58 - m.lane * 13;
          const label = `${formatEdtf(m.date)}: ${m.label}`;
          // The day a click shows: the exact day, or the last day of a span (by then it had happened).
          const target = m.span ? ([dateSpan(m.date).last, to].sort()[0] as string) : dateSpan(m.date).first;
          const bar = m.span ? <rect x={m.x0 - m.x} y={-2} width={Math.max(3, m.x1 - m.x0)} height={4} rx={2} className="span" /> : null;
          if (m.kind === "event") {
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>.
              <g
                key={m.id}
                transform={`translate(${m.x},${y})`}
                className={`mark event-mark${m.span ? " is-span" : ""}`}
                role="button"
                tabIndex={0}
                aria-label={`${label}. Show the map on ${formatEdtf(target)}.`}
                data-date={m.date}
                onClick={() => onDate(target)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onDate(target);
                  }
                }}
              >
                <title>{label}</title>
                {bar}
                <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" />
              </g>
            );
          }
          const colour = colours.get(m.category) ?? "";
          return (
            <g
              key={m.id}
              transform={`translate(${m.x},${y})`}
              className={`mark stance-mark${m.span ? " is-span" : ""}${m.ended ? " is-ended" : ""}`}
              style={{ ["--mark" as string]: colour }}
              data-id={m.id}
              data-date={m.date}
            >
              <title>{label}</title>
              {bar}
              <circle r={3.5} />
            </g>
          );
        })}
      </g>
    ),
    [marks, colours, onDate, to],
  );

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </button>
        <label className="slider">
          <span className="visually-hidden">Date</span>
          <input
            type="range"
            min={0}
            max={total}
            value={value}
            aria-valuetext={formatEdtf(date)}
            onChange={(e) => onDate(fromDay(toDay(from) + Number(e.target.value)), { replace: true })}
          />
        </label>
        <form
          className="date-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!isIsoDate(typed)) setTypedError("Enter a date as YYYY-MM-DD");
            else {
              setTypedError(null);
              onDate(typed);
            }
          }}
        >
          <label>
            As of{" "}
            <input
              type="date"
              value={typed}
              min={from}
              max={to}
              aria-invalid={typedError ? true : undefined}
              aria-describedby={typedError ? "date-error" : undefined}
              onChange={(e) => {
                setTyped(e.target.value);
                if (isIsoDate(e.target.value)) {
                  setTypedError(null);
                  onDate(e.target.value);
                }
              }}
            />
          </label>
          {typedError ? (
            <span id="date-error" className="field-error">
              {typedError}
            </span>
          ) : null}
        </form>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>. */}
      <svg className="timeline-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label="Events and stance changes">
        <line x1={scale.range()[0]} x2={scale.range()[1]} y1={70} y2={70} className="axis" />
        {ticks(scale, 10).map((t) => (
          <g key={t.x} transform={`translate(${t.x},70)`}>
            <line y2={5} className="axis" />
            <text y={17} textAnchor="middle" className="tick">
              {t.label}
            </text>
          </g>
        ))}
        {markLayer}
        <line x1={cursor} x2={cursor} y1={4} y2={74} className="cursor" />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the slider and date field do the same by keyboard. */}
        <rect
          x={0}
          y={64}
          width={WIDTH}
          height={32}
          className="track"
          onClick={(e) => {
            const svg = e.currentTarget.ownerSVGElement;
            if (!svg) return;
            const box = svg.getBoundingClientRect();
            onDate(dateAt(scale, ((e.clientX - box.left) / box.width) * WIDTH));
          }}
        />
      </svg>
      <div className="timeline-day" aria-live="polite" data-date={date}>
        <p>
          <strong>Stance changes on {formatEdtf(date)}:</strong> {day.changes.length === 0 ? <span className="muted">none.</span> : null}
        </p>
        {day.changes.length > 0 ? (
          <ul className="day-changes">
            {day.changes.map((c) => (
              <li key={c.id} data-actor={c.actor}>
                <span className="swatch" style={{ background: colours.get(c.category) }} aria-hidden="true" /> {c.label}
              </li>
            ))}
          </ul>
        ) : null}
        {day.events.length > 0 ? (
          <p>
            <strong>Events:</strong> {day.events.map((e) => e.title).join("; ")}.
          </p>
        ) : null}
        {day.around.length > 0 ? (
          <p className="muted">
            Dated only coarsely, and possibly on this day: {day.around.map((a) => `${formatEdtf(a.date)}, ${a.label}`).join("; ")}.
          </p>
        ) : null}
      </div>
    </section>
  );
}
