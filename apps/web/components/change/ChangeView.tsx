"use client";
// What changed between two dates: the map coloured by movement along the topic's ordered scale, a
// legend with a count per movement (a press highlights it), and every change listed with its dated
// steps and their evidence. Attested-only stances (start not stated) are listed apart and never
// coloured as changes. The model is core's changesBetween; the cells and defaults are change-view.ts.
import { MOVEMENT_COLOURS, movementLabel } from "@stancemap/charts";
import type { Topic } from "@stancemap/core";
import { type ActorMovement, changesBetween, formatEdtf, MOVEMENTS, type Movement, parseEdtf } from "@stancemap/core/model";
import { type ReactNode, useMemo, useState } from "react";
import { EvidenceList } from "@/components/dashboard/Evidence";
import { ActorBadges } from "@/components/map/ActorBadges";
import { type MapCell, type QualifierNames, WorldMap } from "@/components/map/WorldMap";
import { changeGroups, changeRange, countsSentence, emptySentence, movementCells, movementFill } from "@/lib/change-view";
import type { CompactActor, CompactSource, CompactStance } from "@/lib/dashboard-data";
import type { MapLayout } from "@/lib/map-geometry";
import { type ActorRecord, useActorRecords } from "./use-actor-records";
import "./change.css";

const NO_QUALIFIERS: QualifierNames = { label: (k) => k, index: () => 0 };
/** Changes whose evidence is fetched as soon as the list shows; later ones on request. */
const EVIDENCE_AT_ONCE = 12;

export function ChangeView(props: {
  topic: Topic;
  stances: readonly CompactStance[];
  /** The actors the filters keep. */
  actors: readonly CompactActor[];
  allActors: readonly CompactActor[];
  sources: ReadonlyMap<string, CompactSource>;
  geometry: MapLayout;
  filtered: ReadonlySet<string>;
  /** The URL's `from` (null: the default) and `date` (the later date). */
  from: string | null;
  date: string;
  selected: string | null;
  revision?: number | null;
  noDataFill: string;
  onDates: (dates: { from?: string | null; date?: string }) => void;
  onSelect: (slug: string) => void;
  /** Where the view's export buttons go (ExportDialog view="change"). */
  actions?: ReactNode;
}) {
  const { topic, stances, actors } = props;
  const range = useMemo(
    () => changeRange({ from: props.from, to: props.date, stances, topic: topic.slug }),
    [props.from, props.date, stances, topic.slug],
  );
  const changes = useMemo(
    () =>
      changesBetween({
        stances,
        topic: topic.slug,
        categories: topic.categories,
        from: range.from,
        to: range.to,
        actors: actors.map((a) => a.slug),
      }),
    [stances, topic, range.from, range.to, actors],
  );
  const byActor = useMemo(
    () => movementCells({ changes, actors, scale: topic.categories, noDataFill: props.noDataFill }),
    [changes, actors, topic.categories, props.noDataFill],
  );
  // The map's cells take the dark-mode-aware fills; the badges keep hex fills (their text colour is computed).
  const mapCells = useMemo(
    () => movementCells({ changes, actors, scale: topic.categories, noDataFill: props.noDataFill, fill: movementFill }),
    [changes, actors, topic.categories, props.noDataFill],
  );
  const byFeature = useMemo(() => {
    const out = new Map<string, MapCell>();
    for (const a of actors) {
      const cell = a.isoNumeric ? mapCells.get(a.slug) : undefined;
      if (a.isoNumeric && cell) out.set(a.isoNumeric, cell);
    }
    return out;
  }, [actors, mapCells]);
  const [active, setActive] = useState<ReadonlySet<Movement>>(new Set());
  const toggle = (m: Movement) =>
    setActive((s) => {
      const next = new Set(s);
      if (next.has(m)) next.delete(m);
      else next.add(m);
      return next;
    });
  const groups = useMemo(() => changeGroups(changes, active), [changes, active]);
  const names = useMemo(() => new Map(props.allActors.map((a) => [a.slug, a.name])), [props.allActors]);
  const name = (slug: string) => names.get(slug) ?? slug;
  const badges = actors.filter((a) => !a.isoNumeric);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const withEvidence = groups.changed.filter((m, i) => i < EVIDENCE_AT_ONCE || shown.has(m.actor)).map((m) => m.actor);
  const records = useActorRecords(withEvidence, props.revision);
  const categories = topic.categories;
  const totalChanges = MOVEMENTS.filter((m) => m !== "unchanged" && m !== "attested-only").reduce((n, m) => n + changes.counts[m], 0);

  const basis =
    range.fromBasis === "before-latest-move" && range.latest
      ? `Starting the day before the latest dated move (${name(range.latest.actor)}, ${formatEdtf(range.latest.date)}); pick another start above.`
      : range.fromBasis === "year-before"
        ? "No stance has a dated start by then: comparing with one year earlier."
        : null;

  return (
    <section className="change-view" aria-labelledby="change-title">
      <header className="change-head">
        <h2 id="change-title">
          Change between {formatEdtf(range.from)} and {formatEdtf(range.to)}
        </h2>
        <div className="change-dates">
          <label>
            From{" "}
            <input
              type="date"
              value={range.from}
              max={range.to}
              required
              onChange={(e) => {
                const v = e.target.value;
                if (!v) return;
                props.onDates(v > range.to ? { from: range.to, date: v } : { from: v });
              }}
            />
          </label>
          <label>
            To{" "}
            <input
              type="date"
              value={range.to}
              min={range.from}
              required
              onChange={(e) => {
                const v = e.target.value;
                if (!v) return;
                props.onDates(v < range.from ? { from: v, date: range.from } : { from: range.from, date: v });
              }}
            />
          </label>
          {/* The lead wires ExportDialog view="change" here. */}
          {props.actions ? <div className="change-actions">{props.actions}</div> : null}
        </div>
        {range.swapped ? (
          <p className="notice" role="status">
            The start was after the end; the two dates were swapped.
          </p>
        ) : null}
        {basis ? <p className="muted change-basis">{basis}</p> : null}
        <p className="change-counts">
          {countsSentence(changes, categories)} <a href="#changes-title">The changes and their evidence ↓</a>
        </p>
      </header>

      <WorldMap
        geometry={props.geometry}
        cells={byFeature}
        filtered={props.filtered}
        qualifiers={NO_QUALIFIERS}
        selected={props.selected}
        highlight={active}
        onSelect={props.onSelect}
      />
      <fieldset className="legend movement-legend" id="change-legend">
        <legend>
          Movement along “{topic.title}”, {formatEdtf(range.from)} → {formatEdtf(range.to)}
        </legend>
        <ul>
          {MOVEMENTS.map((m) => (
            <li key={m}>
              <button type="button" aria-pressed={active.has(m)} onClick={() => toggle(m)} data-movement={m}>
                <span className="swatch" style={{ background: movementFill(m) }} aria-hidden="true" />
                <span className="legend-label">{movementLabel(m, categories)}</span>
                <span className="count">{changes.counts[m]}</span>
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <ActorBadges
        actors={badges}
        cells={byActor}
        qualifiers={NO_QUALIFIERS}
        selected={props.selected}
        highlight={active}
        onSelect={props.onSelect}
      />

      <section className="change-list" aria-labelledby="changes-title">
        <h3 id="changes-title">
          Changes <span className="count">{groups.changed.length}</span>
        </h3>
        {totalChanges === 0 ? (
          <p className="change-empty">{emptySentence(changes)}</p>
        ) : groups.changed.length === 0 ? (
          <p className="muted">No change of the highlighted kinds.</p>
        ) : (
          <ol className="change-items">
            {groups.changed.map((m, i) => (
              <ChangeItem
                key={m.actor}
                movement={m}
                from={range.from}
                to={range.to}
                name={name(m.actor)}
                topic={topic}
                sources={props.sources}
                names={names}
                record={records.get(m.actor)}
                evidenceWanted={i < EVIDENCE_AT_ONCE || shown.has(m.actor)}
                onShowEvidence={() => setShown((s) => new Set(s).add(m.actor))}
                onSelect={props.onSelect}
              />
            ))}
          </ol>
        )}

        <h3 id="attested-title">
          Attested only — start not stated, so not counted as a change <span className="count">{groups.attested.length}</span>
        </h3>
        {groups.attested.length ? (
          <ul className="change-attested" aria-labelledby="attested-title">
            {groups.attested.map((m) => (
              <li key={m.actor} data-actor={m.actor} data-movement={m.movement}>
                <button type="button" className="link" onClick={() => props.onSelect(m.actor)}>
                  {name(m.actor)}
                </button>
                : <CategoryChip topic={topic} category={m.after?.stance.category ?? null} />{" "}
                <span className="muted">{withoutLabel(m.because, topic, m.after?.stance.category)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}

        <details className="change-unchanged">
          <summary>
            Unchanged <span className="count">{groups.unchanged.length}</span>
          </summary>
          <ul>
            {groups.unchanged.map((m) => (
              <li key={m.actor} data-actor={m.actor} data-movement={m.movement}>
                <button type="button" className="link" onClick={() => props.onSelect(m.actor)}>
                  {name(m.actor)}
                </button>
                : <CategoryChip topic={topic} category={m.after?.stance.category ?? null} />{" "}
                <span className="muted">{withoutLabel(m.because, topic, m.after?.stance.category)}</span>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </section>
  );
}

/** "Diplomatic engagement, attested by 3 July 2025; …" beside its category's chip: "attested by 3 July 2025; …". */
function withoutLabel(because: string, topic: Topic, category: string | undefined): string {
  const label = topic.categories.find((c) => c.key === category)?.label;
  return label && because.startsWith(`${label}, `) ? because.slice(label.length + 2) : because;
}

function CategoryChip({ topic, category }: { topic: Topic; category: string | null }) {
  const c = category ? topic.categories.find((x) => x.key === category) : undefined;
  if (!category) return <span className="cat-chip is-none">no stance</span>;
  return (
    <span className="cat-chip" data-category={category}>
      <span className="swatch" style={{ background: c?.colour }} aria-hidden="true" />
      {c?.label ?? category}
    </span>
  );
}

function ChangeItem(props: {
  movement: ActorMovement<CompactStance>;
  from: string;
  to: string;
  name: string;
  topic: Topic;
  sources: ReadonlyMap<string, CompactSource>;
  names: ReadonlyMap<string, string>;
  record: ActorRecord | undefined;
  evidenceWanted: boolean;
  onShowEvidence: () => void;
  onSelect: (slug: string) => void;
}) {
  const { movement: m, topic, from, to } = props;
  const label = movementLabel(m.movement, topic.categories);
  // The evidence of each dated step (the stance it began, or the one that ended); with no step, of the
  // stance that holds on the later date (or the earlier one).
  const evidenceOf = (id: string | undefined) => {
    if (!id) return null;
    if (!props.evidenceWanted)
      return (
        <button type="button" className="link" onClick={props.onShowEvidence}>
          Show the evidence
        </button>
      );
    const r = props.record;
    if (!r) return <p className="muted">Loading the evidence…</p>;
    if ("error" in r) return <p role="alert">Could not load the evidence: {r.error}</p>;
    const stance = r.record.stances.find((s) => s.id === id);
    if (!stance) return <p className="muted">This stance is not in the actor’s record.</p>;
    return (
      <div className="change-evidence">
        <p>{stance.summary}</p>
        <EvidenceList evidence={stance.evidence} sources={props.sources} speakers={props.names} />
      </div>
    );
  };
  return (
    <li className="change-item" data-actor={m.actor} data-movement={m.movement}>
      <h4>
        <span className="swatch" style={{ background: MOVEMENT_COLOURS[m.movement] }} aria-hidden="true" />
        <button type="button" className="link" onClick={() => props.onSelect(m.actor)}>
          {props.name}
        </button>{" "}
        <span className="movement-tag">{label}</span>
      </h4>
      <p className="change-before-after">
        <CategoryChip topic={topic} category={m.before?.stance.category ?? null} /> <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span> <CategoryChip topic={topic} category={m.after?.stance.category ?? null} />
      </p>
      {m.because.includes("→") ? null : <p className="change-because">Because: {m.because}.</p>}
      {m.steps.length ? (
        <ol className="change-steps" aria-label={`${props.name}: dated steps`}>
          {m.steps.map((s) => (
            <li key={`${s.date}-${s.to?.id ?? s.from?.id}`} data-step={s.to?.id ?? s.from?.id}>
              <p className="step-head">
                <time className="step-date">{formatEdtf(s.date)}</time> <CategoryChip topic={topic} category={s.from?.category ?? null} />{" "}
                <span aria-hidden="true">→</span>
                <span className="visually-hidden">to</span> <CategoryChip topic={topic} category={s.to?.category ?? null} />
                {s.kind === "changed" && s.qualifiersChanged && s.from?.category === s.to?.category ? (
                  <span className="muted"> (qualifiers changed)</span>
                ) : null}
                {s.straddles ? (
                  <span className="cue-tag">
                    {parseEdtf(s.date).first <= from
                      ? `dated only to ${formatEdtf(s.date)}: it may be on or before ${formatEdtf(from)}`
                      : `dated only to ${formatEdtf(s.date)}: it may be after ${formatEdtf(to)}`}
                  </span>
                ) : null}
              </p>
              {evidenceOf(s.to?.id ?? s.from?.id)}
            </li>
          ))}
        </ol>
      ) : (
        evidenceOf(m.after?.stance.id ?? m.before?.stance.id)
      )}
    </li>
  );
}
