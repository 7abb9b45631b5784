"use client";
// Events and stance changes along time, with the date control that drives the map and the network:
// a slider, a typed date, clickable events, and a play button that runs through the years.
import { dateAt, formatDay, layoutMarks, ticks, timelineScale } from "@stancemap/charts";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatDate } from "@/components/dashboard/format";
import type { CompactEvent, CompactStance } from "@/lib/dashboard-data";
import { isIsoDate, MAX_STANCE_MARKS } from "@/lib/url-state";

const WIDTH = 960;
const HEIGHT = 96;
const DAY = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export function Timeline(props: {
  from: string;
  to: string;
  date: string;
  events: readonly CompactEvent[];
  stances: readonly CompactStance[];
  colours: ReadonlyMap<string, string>;
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

  const marks = useMemo(() => {
    const inRange = (d: string) => d >= from && d <= to;
    const stanceMarks = props.stances
      .filter((s) => inRange(s.validFrom) && (!props.selectedActor || s.actor === props.selectedActor))
      .slice(0, MAX_STANCE_MARKS)
      .map((s) => ({
        id: `s:${s.id}`,
        date: s.validFrom,
        kind: "stance" as const,
        label: `${props.actorName(s.actor)}: ${s.category.replace(/-/g, " ")}`,
      }));
    const eventMarks = props.events
      .filter((e) => inRange(e.date))
      .map((e) => ({ id: `e:${e.slug}`, date: e.date, kind: "event" as const, label: e.title }));
    return layoutMarks([...eventMarks, ...stanceMarks], scale, 9, 4);
  }, [props.events, props.stances, props.selectedActor, props.actorName, scale, from, to]);

  const stanceCategory = useMemo(() => new Map(props.stances.map((s) => [`s:${s.id}`, s.category])), [props.stances]);

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
          const label = `${formatDay(new Date(`${m.date}T00:00:00Z`))}: ${m.label}`;
          if (m.kind === "event") {
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>.
              <g
                key={m.id}
                transform={`translate(${m.x},${y})`}
                className="mark event-mark"
                role="button"
                tabIndex={0}
                aria-label={`${label}. Show the map on this date.`}
                onClick={() => onDate(m.date)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onDate(m.date);
                  }
                }}
              >
                <title>{label}</title>
                <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" />
              </g>
            );
          }
          return (
            <circle
              key={m.id}
              cx={m.x}
              cy={y}
              r={3.5}
              className="mark stance-mark"
              style={{ fill: props.colours.get(stanceCategory.get(m.id) ?? "") }}
            >
              <title>{label}</title>
            </circle>
          );
        })}
      </g>
    ),
    [marks, stanceCategory, props.colours, onDate],
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
            aria-valuetext={formatDate(date)}
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
    </section>
  );
}
