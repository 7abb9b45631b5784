// One topic's stance history as a step chart: a band per category (scale order, top first), a step
// per stance. Geometry from @stancemap/charts; drawn as SVG in percentages of the chart's width, so
// it fills any width without scaling its text. Category labels and time ticks are HTML beside it.
import { rangeStartEdtf, type StanceStepsLayout, stanceSteps, stepDates, stepRange, thinTicks } from "@stancemap/charts";
import type { Stance, Topic } from "@stancemap/core";
import { countsFrom, formatEdtf } from "@stancemap/core/model";

/** Geometry is computed on a 1000-unit width and drawn in percent. */
const UNITS = 1000;
/** Band height in geometry units; drawn in percent of the chart's height, which CSS sets per screen size. */
const BAND = 100;
const pct = (x: number, of = UNITS) => `${((x / of) * 100).toFixed(3)}%`;

export function StepChart(props: { topic: Topic; stances: readonly Stance[]; actor: string; actorName: string; today: string }) {
  const { topic, today } = props;
  const { from, to } = stepRange(props.stances.filter((s) => s.topic === topic.slug).map(countsFrom), today);
  const categories = topic.categories;
  const layout: StanceStepsLayout<Stance> = stanceSteps({
    categories,
    stances: props.stances,
    actor: props.actor,
    topic: topic.slug,
    from,
    to,
    width: UNITS,
    height: categories.length * BAND,
    minStepWidth: 50,
    minTickGap: 75,
  });
  // Fewer ticks on narrower screens: all of them on wide ones, "medium" ones on tablets, "coarse" ones on phones.
  // A tick at the very left would spill into the category labels: the range's start needs no label.
  const ticks = layout.ticks.filter((t) => t.x >= 30);
  const medium = thinTicks(ticks, 150, UNITS);
  const coarse = new Set(thinTicks(medium, 300, UNITS).map((t) => t.date));
  const mediumSet = new Set(medium.map((t) => t.date));
  const tickClass = (date: string) => (coarse.has(date) ? "" : mediumSet.has(date) ? "steps-medium" : "steps-fine");
  const py = (y: number) => pct(y, layout.height);
  const titleId = `steps-title-${topic.slug}`;
  const title = `${props.actorName}: ${topic.title}, ${formatEdtf(rangeStartEdtf(from))} to today`;

  return (
    <figure className="steps" data-topic={topic.slug}>
      <div className="steps-grid" style={{ ["--bands" as string]: layout.bands.length }}>
        <ul className="steps-y" aria-hidden="true">
          {layout.bands.map((b) => (
            <li key={b.key}>
              <span className="swatch" style={{ background: b.colour }} />
              <span>{b.label}</span>
            </li>
          ))}
        </ul>
        <div className="steps-plot">
          <svg className="steps-svg" width="100%" aria-labelledby={titleId}>
            <title id={titleId}>{title}</title>
            {layout.bands.map((b, i) =>
              i % 2 === 0 ? <rect key={b.key} className="steps-band" x="0" y={py(b.y)} width="100%" height={py(b.height)} /> : null,
            )}
            {ticks.map((t) => (
              <line key={t.date} className={`steps-grid-line ${tickClass(t.date)}`.trim()} x1={pct(t.x)} x2={pct(t.x)} y1="0" y2="100%" />
            ))}
            {layout.risers.map((r) => (
              <line key={`${r.x}-${r.y0}`} className="steps-riser" x1={pct(r.x)} x2={pct(r.x)} y1={py(r.y0)} y2={py(r.y1)} />
            ))}
            {layout.segments.map((s) => {
              const label = `${s.category.label}, ${stepDates(s)}`;
              // The start's window (a year, a month, "c.") is a faded stretch; a start the sources do not
              // state is an open circle.
              return (
                <a
                  key={s.stance.id}
                  href={`#stance-${s.stance.id}`}
                  className={`step${s.basis === "attested" ? " is-attested" : ""}`}
                  aria-label={label}
                  data-category={s.category.key}
                >
                  <title>{label}</title>
                  <rect className="step-hit" x={pct(s.x0)} y={py(s.y - BAND / 2)} width={pct(s.x1 - s.x0)} height={py(BAND)} />
                  {s.xSure > s.x0 ? (
                    <line
                      className="step-bar step-uncertain"
                      x1={pct(s.x0)}
                      x2={pct(s.xSure)}
                      y1={py(s.y)}
                      y2={py(s.y)}
                      stroke={s.colour}
                    />
                  ) : null}
                  <line className="step-bar" x1={pct(s.xSure)} x2={pct(s.x1)} y1={py(s.y)} y2={py(s.y)} stroke={s.colour} />
                  <circle
                    className="step-start"
                    cx={pct(s.x0)}
                    cy={py(s.y)}
                    r={6}
                    fill={s.basis === "attested" ? "var(--card)" : s.colour}
                    style={s.basis === "attested" ? { stroke: s.colour } : undefined}
                  />
                </a>
              );
            })}
            <line className="steps-today" x1="100%" x2="100%" y1="0" y2="100%" />
          </svg>
          <div className="steps-x" aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.date} className={tickClass(t.date) || undefined} style={{ left: pct(t.x) }}>
                {t.label}
              </span>
            ))}
            <span className="steps-today-label">Today</span>
          </div>
        </div>
      </div>
      <figcaption className="muted">
        {`${layout.segments.length} step${layout.segments.length === 1 ? "" : "s"} from ${formatEdtf(rangeStartEdtf(from))} to today (${formatEdtf(to)}).`}
        {layout.widened ? " Short steps are widened so that each can be seen: the time axis is not to scale." : ""}
        {layout.segments.some((s) => s.xSure > s.x0)
          ? " A faded stretch: the start is dated only to a month or a year, or approximately."
          : ""}
        {layout.segments.some((s) => s.basis === "attested")
          ? " An open circle: the start is not stated; the step begins on the date a source attests it."
          : ""}
      </figcaption>
    </figure>
  );
}
