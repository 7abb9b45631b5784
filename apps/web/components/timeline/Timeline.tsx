"use client";
// Events and stance changes along time, with the date control that drives the map and the network:
// a slider, a typed date, clickable events, and Play, which steps from one dated fact to the next and
// stays on each long enough to read it. Dates are drawn at their precision: an exact day is a point,
// "2022" or "March 2024" a span over its days. Facts of one day (or days that meet at this width) are
// stacked one above the other with a count badge that opens their list; none is drawn over another.
// The axis ends at the last dated fact plus a margin ("Extend to today" runs it on), and facts before
// the timeline's start sit on a compact "earlier" segment at its left (packages/charts/src/timeline-story.ts).
// Below the chart, the stance changes and events of the chosen day, in words.
import {
  changeMarks,
  dateAt,
  dateSpan,
  factDay,
  firstStop,
  type MarkGroup,
  nextStop,
  PLAY_SPEEDS,
  playPause,
  playStops,
  stackMarks,
  storyAxis,
  storyBreak,
  storyScale,
  storyTicks,
} from "@stancemap/charts";
import { formatEdtf, OPEN_END, OPEN_START } from "@stancemap/core/model";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { CompactEvent, CompactStance } from "@/lib/dashboard-data";
import { isIsoDate, MAX_STANCE_MARKS } from "@/lib/url-state";

/** Before the chart is measured (server render): the width it is drawn at. */
const FIRST_WIDTH = 960;
/** Rows of marks above the axis (the top one for count badges), their spacing, and the chart's height. */
const ROWS = 6;
const ROW_GAP = 12;
const HEIGHT = 26 + 10 + ROWS * ROW_GAP + 4;
const AXIS_Y = HEIGHT - 26;
const rowY = (row: number) => AXIS_Y - 10 - row * ROW_GAP;
/** Marks closer than this (in pixels) form one group. */
const GROUP_GAP = 11;
/** The slider's positions: the chart's two segments over this many steps. */
const SLIDER_STEPS = 2000;
const DAY = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const addMonths = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Named {
  key: string;
  label: string;
}

interface Fact {
  id: string;
  date: string;
  kind: "event" | "stance";
  label: string;
  category: string;
  ended: boolean;
}

/** The chart's width in CSS pixels, so that marks keep their size and groups form at the width shown. */
function useWidth<E extends Element>() {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // Null until measured (the server's render and the first paint): then drawn at FIRST_WIDTH.
  return [ref, width ?? FIRST_WIDTH, width !== null] as const;
}

export function Timeline(props: {
  /** The timeline's start: facts before it go on the compact "earlier" segment. */
  from: string;
  /** The last day one may choose (today): "Extend to today" runs the axis to it. */
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
  const [svgRef, width, measured] = useWidth<SVGSVGElement>();
  const [extended, setExtended] = useState(false);
  const [typed, setTyped] = useState(date);
  // The typed field follows the date (set during render: no second render after the date's commit).
  const [typedFor, setTypedFor] = useState(date);
  if (typedFor !== date) {
    setTypedFor(date);
    setTyped(date);
  }
  const [typedError, setTypedError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [open, setOpen] = useState<number | null>(null);
  const dateRef = useRef(date);
  dateRef.current = date;

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

  // What is drawn: events and (the selected actor's) stance changes up to `to`, the earlier ones included.
  const facts = useMemo((): Fact[] => {
    const known = (d: string) => {
      const { first, last } = dateSpan(d);
      return (first === OPEN_START ? last : first) <= to;
    };
    const stanceFacts = changes
      .filter((c) => known(c.date) && (!props.selectedActor || c.actor === props.selectedActor))
      .slice(0, MAX_STANCE_MARKS)
      .map((c) => ({ id: c.id, date: c.date, kind: "stance" as const, label: c.label, category: c.category, ended: c.kind === "ended" }));
    const eventFacts = props.events
      .filter((e) => known(e.date))
      .map((e) => ({ id: `e:${e.slug}`, date: e.date, kind: "event" as const, label: e.title, category: "", ended: false }));
    return [...eventFacts, ...stanceFacts];
  }, [changes, props.events, props.selectedActor, to]);

  // The axis covers every fact of the topic (whoever is selected), so that it does not jump on a selection.
  const axis = useMemo(
    () => storyAxis([...props.events.map((e) => e.date), ...changes.map((c) => c.date)], from, to, extended),
    [props.events, changes, from, to, extended],
  );
  const scale = useMemo(() => storyScale(axis, width), [axis, width]);
  const sliderScale = useMemo(() => storyScale(axis, SLIDER_STEPS, 0), [axis]);
  const breakX = storyBreak(scale, axis);
  const layout = useMemo(() => stackMarks(facts, scale, { gap: GROUP_GAP, rows: ROWS, badgeWidth: 18 }), [facts, scale]);
  const stops = useMemo(
    () =>
      playStops(
        facts.map((f) => f.date),
        to,
      ),
    [facts, to],
  );

  // What happened on the chosen day: changes and events dated to it, and those dated only coarsely
  // (a month, a year, "c.") whose span includes it. Changes and events are sorted by day once (a pass
  // over every change); a date then looks up its own. It follows the date a moment later (deferred): the
  // slider and the map's recolour do not wait for it.
  type Change = (typeof changes)[number];
  const byDay = useMemo(() => {
    // By exact day; the rest, with both ends known ("from 2021 on" is no date that may be this one), by span.
    const exact = new Map<string, { c?: Change; e?: CompactEvent }[]>();
    const coarse: { first: string; last: string; c?: Change; e?: CompactEvent }[] = [];
    const put = (d: string, x: { c?: Change; e?: CompactEvent }) => {
      const s = dateSpan(d);
      const list = exact.get(s.first);
      if (s.exact) list ? list.push(x) : exact.set(s.first, [x]);
      else if (s.first !== OPEN_START && s.last !== OPEN_END) coarse.push({ ...s, ...x });
    };
    for (const c of changes) put(c.date, { c });
    for (const e of props.events) put(e.date, { e });
    return { exact, coarse };
  }, [changes, props.events]);
  const listed = useDeferredValue(date);
  const day = useMemo(() => {
    const date = listed;
    const mine = (x: { c?: Change }) => !!x.c && (!props.selectedActor || x.c.actor === props.selectedActor);
    const own = byDay.exact.get(date) ?? [];
    const around = byDay.coarse.filter((s) => s.first <= date && date <= s.last && (s.e || mine(s)));
    return {
      changes: own.filter(mine).map((x) => x.c as Change),
      events: own.flatMap((x) => (x.e ? [x.e] : [])),
      around: around.map(({ c, e }) =>
        c ? { id: c.id, date: c.date, label: c.label } : { id: `e:${e?.slug}`, date: e?.date ?? "", label: e?.title ?? "" },
      ),
    };
  }, [byDay, props.selectedActor, listed]);

  // Play: to the next dated fact, a pause there to read it (shorter at 2×, longer at 0.5×), and on.
  // The day it stands on is kept here: the URL catches up a moment later.
  const playAt = useRef(date);
  const startedAt = useRef<string | null>(null);
  const [beat, setBeat] = useState(0);
  useEffect(() => {
    if (date !== playAt.current) playAt.current = date;
  }, [date]);
  useEffect(() => {
    if (!playing) return;
    void beat;
    const timer = setTimeout(() => {
      const next = nextStop(stops, playAt.current);
      if (!next) {
        setPlaying(false);
        return;
      }
      playAt.current = next;
      onDate(next, { replace: true });
      setBeat((b) => b + 1);
    }, playPause(speed));
    return () => clearTimeout(timer);
  }, [playing, beat, speed, stops, onDate]);
  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    const first = firstStop(stops, dateRef.current);
    if (!first) return;
    startedAt.current = dateRef.current;
    playAt.current = first;
    onDate(first, { replace: true });
    setPlaying(true);
  };
  const stop = () => {
    setPlaying(false);
    const back = startedAt.current;
    startedAt.current = null;
    if (back) onDate(back, { replace: true });
  };

  const target = useCallback((d: string) => factDay(d, to), [to]);
  const badgeRefs = useRef(new Map<number, SVGGElement>());
  const close = useCallback(() => {
    setOpen((g) => {
      if (g !== null) requestAnimationFrame(() => badgeRefs.current.get(g)?.focus());
      return null;
    });
  }, []);
  const groupLabel = useCallback((g: MarkGroup<Fact>) => {
    // One day when they all show on one ("3 July 2025" for a fact of that day and one "on or before" it).
    const days = [...new Set(g.items.map((i) => factDay(i.date)))].sort();
    const dates = [...new Set(g.items.map((i) => i.date))];
    const when =
      dates.length === 1
        ? formatEdtf(dates[0] as string)
        : days.length === 1
          ? formatEdtf(days[0] as string)
          : `${formatEdtf(g.items[0]?.date ?? "")} – ${formatEdtf(g.items[g.items.length - 1]?.date ?? "")}`;
    const events = g.items.filter((i) => i.kind === "event").length;
    const stanceCount = g.items.length - events;
    const what = [
      events ? plural(events, "event", "events") : "",
      stanceCount ? plural(stanceCount, "stance change", "stance changes") : "",
    ]
      .filter(Boolean)
      .join(" and ");
    return { when, what };
  }, []);

  const total = SLIDER_STEPS;
  const value = Math.round(sliderScale(new Date(`${date}T00:00:00Z`)));
  const beyond = date > axis.end;
  const before = date < axis.start;
  const cursor = scale(new Date(`${date}T00:00:00Z`));
  const [left, right] = scale.range() as [number, number];
  const tickList = useMemo(
    () => storyTicks(scale, axis, (l) => l.length * 5.6, Math.max(2, Math.round(width / 110))),
    [scale, axis, width],
  );

  // The marks do not depend on the date: the same element is reused, so moving the date re-renders only the cursor.
  const markLayer = useMemo(
    () => (
      <g>
        {layout.marks.map((m) => {
          const f = m.item;
          const y = rowY(m.row);
          const label = `${formatEdtf(f.date)}: ${f.label}`;
          const grouped = (layout.groups[m.group]?.items.length ?? 1) > 1;
          // The day a click shows: the exact day, or the last day of a span (by then it had happened).
          const day = target(f.date);
          const bar = m.span ? <rect x={m.x0 - m.x} y={-2} width={Math.max(3, m.x1 - m.x0)} height={4} rx={2} className="span" /> : null;
          if (f.kind === "event") {
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>.
              <g
                key={f.id}
                transform={`translate(${m.x},${y})`}
                className={`mark event-mark${m.span ? " is-span" : ""}`}
                role="button"
                // In a group, the group's badge is the tab stop: its list reaches every fact.
                tabIndex={grouped ? -1 : 0}
                aria-label={`${label}. Show the map on ${formatEdtf(day)}.`}
                data-date={f.date}
                data-id={f.id}
                onClick={() => onDate(day)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onDate(day);
                  }
                }}
              >
                <title>{label}</title>
                {bar}
                <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" />
              </g>
            );
          }
          return (
            <g
              key={f.id}
              transform={`translate(${m.x},${y})`}
              className={`mark stance-mark${m.span ? " is-span" : ""}${f.ended ? " is-ended" : ""}`}
              style={{ ["--mark" as string]: colours.get(f.category) ?? "" }}
              data-id={f.id}
              data-date={f.date}
            >
              <title>{label}</title>
              {bar}
              <circle r={3.5} />
            </g>
          );
        })}
        {layout.groups.map((g, i) => {
          if (g.badgeRow === null) return null;
          const { when, what } = groupLabel(g);
          const n = g.items.length;
          const w = n > 9 ? 18 : 14;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>.
            <g
              key={`g${g.x}`}
              ref={(el) => {
                if (el) badgeRefs.current.set(i, el);
                else badgeRefs.current.delete(i);
              }}
              transform={`translate(${g.x},${rowY(g.badgeRow)})`}
              className="mark-group"
              role="button"
              tabIndex={0}
              aria-haspopup="dialog"
              aria-expanded={open === i}
              aria-label={`${when}: ${what}. List them.`}
              data-count={n}
              data-dates={[...new Set(g.items.map((f) => f.date))].join(" ")}
              onClick={() => setOpen((o) => (o === i ? null : i))}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  setOpen((o) => (o === i ? null : i));
                }
              }}
            >
              <title>{`${when}: ${what}`}</title>
              <rect x={-w / 2} y={-6} width={w} height={12} rx={6} />
              <text y={3.5} textAnchor="middle">
                {n}
              </text>
            </g>
          );
        })}
      </g>
    ),
    [layout, colours, onDate, target, groupLabel, open],
  );

  const openGroup = open === null ? null : (layout.groups[open] ?? null);
  const popoverRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (openGroup) popoverRef.current?.querySelector("button")?.focus();
  }, [openGroup]);
  useEffect(() => {
    if (open === null) return;
    const away = (e: PointerEvent) => {
      const t = e.target as Element | null;
      if (popoverRef.current?.contains(t) || t?.closest?.(".mark-group")) return;
      setOpen(null);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  // A new layout (another width, another actor) has other groups.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the list when the groups change.
  useEffect(() => setOpen(null), [layout]);

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-controls">
        <div className="play-controls">
          <button type="button" onClick={play} aria-pressed={playing} disabled={stops.length === 0}>
            {playing ? "Pause" : "Play"}
          </button>
          <button
            type="button"
            onClick={stop}
            disabled={!playing && startedAt.current === null}
            title={startedAt.current ? `Stop, back to ${formatEdtf(startedAt.current)}` : undefined}
          >
            Stop
          </button>
          <label className="speed">
            Speed{" "}
            <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
              {PLAY_SPEEDS.map((s) => (
                <option key={s} value={String(s)}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="slider">
          <span className="visually-hidden">Date</span>
          <input
            type="range"
            min={0}
            max={total}
            value={value}
            aria-valuetext={formatEdtf(date)}
            onChange={(e) => onDate(dateAt(sliderScale, Number(e.target.value)), { replace: true })}
            onKeyDown={(e) => {
              // By day, month and the axis's ends, whatever a step of the slider covers on each segment.
              const moves: Record<string, () => string> = {
                ArrowRight: () => fromDay(toDay(date) + 1),
                ArrowUp: () => fromDay(toDay(date) + 1),
                ArrowLeft: () => fromDay(toDay(date) - 1),
                ArrowDown: () => fromDay(toDay(date) - 1),
                PageUp: () => addMonths(date, 1),
                PageDown: () => addMonths(date, -1),
                Home: () => axis.start,
                End: () => axis.end,
              };
              const move = moves[e.key];
              if (!move) return;
              e.preventDefault();
              const next = move();
              onDate(next < axis.start ? axis.start : next > to ? to : next, { replace: true });
            }}
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
              min={axis.start}
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
      <div className="timeline-plot">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>. */}
        <svg
          ref={svgRef}
          className="timeline-chart"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          height={HEIGHT}
          role="group"
          aria-label="Events and stance changes"
          data-start={axis.start}
          data-end={axis.end}
          // Set once the chart is measured in the browser (and its handlers are live).
          data-measured={measured ? "" : undefined}
        >
          {breakX !== null ? (
            <g className="earlier">
              <rect x={0} y={4} width={breakX - 3} height={AXIS_Y - 4} className="earlier-band" />
              <title>{`Earlier, compressed: ${formatEdtf(axis.start.slice(0, 4))} to ${formatEdtf(axis.split ?? from)}`}</title>
            </g>
          ) : null}
          {breakX !== null ? (
            <>
              <line x1={left} x2={breakX - 3} y1={AXIS_Y} y2={AXIS_Y} className="axis" />
              <line x1={breakX + 3} x2={right} y1={AXIS_Y} y2={AXIS_Y} className="axis" />
              <path d={`M${breakX - 6},${AXIS_Y + 4}l4,-8M${breakX + 2},${AXIS_Y + 4}l4,-8`} className="axis axis-break" />
            </>
          ) : (
            <line x1={left} x2={right} y1={AXIS_Y} y2={AXIS_Y} className="axis" />
          )}
          {tickList.map((t) => (
            <g key={t.x} transform={`translate(${t.x},${AXIS_Y})`}>
              <line y2={5} className="axis" />
              <text y={17} textAnchor="middle" className="tick">
                {t.label}
              </text>
            </g>
          ))}
          {markLayer}
          <line
            x1={0}
            x2={0}
            y1={4}
            y2={AXIS_Y + 4}
            className={`cursor${beyond || before ? " is-off-axis" : ""}`}
            style={{ transform: `translateX(${cursor}px)` }}
          />
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the slider and date field do the same by keyboard. */}
          <rect
            x={0}
            y={AXIS_Y - 6}
            width={width}
            height={HEIGHT - AXIS_Y + 6}
            className="track"
            onClick={(e) => {
              const svg = e.currentTarget.ownerSVGElement;
              if (!svg) return;
              const box = svg.getBoundingClientRect();
              onDate(dateAt(scale, ((e.clientX - box.left) / box.width) * width));
            }}
          />
        </svg>
        {openGroup ? (
          <div
            ref={popoverRef}
            className="timeline-popover"
            role="dialog"
            aria-label={`${groupLabel(openGroup).when}: ${groupLabel(openGroup).what}`}
            style={{ left: `${Math.max(0, Math.min(width - 280, openGroup.x - 140))}px` }}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.stopPropagation();
                close();
              }
            }}
          >
            <p className="popover-head">
              <strong>{groupLabel(openGroup).when}</strong>: {groupLabel(openGroup).what}
            </p>
            <ul>
              {openGroup.items.map((f) => (
                <li key={f.id} data-id={f.id} data-date={f.date} data-kind={f.kind}>
                  <button
                    type="button"
                    onClick={() => {
                      onDate(target(f.date));
                      close();
                    }}
                  >
                    {f.kind === "event" ? (
                      <span className="icon-event" aria-hidden="true" />
                    ) : (
                      <span className="swatch" style={{ background: colours.get(f.category) }} aria-hidden="true" />
                    )}{" "}
                    <span className="visually-hidden">{f.kind === "event" ? "Event" : "Stance change"}, </span>
                    {formatEdtf(f.date)}: {f.label}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="popover-close" onClick={close}>
              Close
            </button>
          </div>
        ) : null}
      </div>
      <div className="timeline-range">
        <span className="muted">
          {axis.lastFact ? (
            <>
              {formatEdtf(axis.start === from ? from : axis.start.slice(0, 4))} to {formatEdtf(axis.end)}
              {axis.extended && axis.end === to ? " (today)" : `; the last dated fact ends ${formatEdtf(axis.lastFact)}`}.
              {beyond ? ` The map shows ${formatEdtf(date)}, after the end of the axis.` : ""}
            </>
          ) : (
            "No dated events or stance changes."
          )}
        </span>
        {axis.lastFact && axis.lastFact < to ? (
          <button type="button" className="extend" aria-pressed={extended} onClick={() => setExtended((x) => !x)}>
            {extended ? "End at the last fact" : "Extend to today"}
          </button>
        ) : null}
      </div>
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
