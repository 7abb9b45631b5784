"use client";
// The legend: categories in scale order with the count of actors in each (a press highlights them),
// then what the map's cues mean (uncertain, start not stated, each qualifying fact), with their counts.
import { CUE_TEXT } from "@stancemap/charts";
import type { LegendItem } from "@stancemap/core/model";
import { CueSwatch } from "./CueSwatch";
import { QualifierGlyph } from "./WorldMap";

export interface CueCounts {
  uncertain: number;
  attested: number;
  /** Per qualifier of the topic, in the topic's order. */
  qualifiers: { key: string; label: string; index: number; count: number }[];
}

/** A neutral grey for the cues' samples: the cue applies to every category's colour. */
const CUE_SAMPLE = "#7a7f87";

export function Legend(props: {
  title: string;
  items: LegendItem[];
  noData: number;
  cues: CueCounts;
  active: readonly string[];
  onToggle: (key: string) => void;
}) {
  const { items, noData, active, onToggle, cues } = props;
  const entries = [...items, { key: "no-data", label: "No data", colour: "", order: 999, count: noData }];
  return (
    <fieldset className="legend">
      <legend>{props.title}</legend>
      <ul>
        {entries.map((item) => (
          <li key={item.key}>
            <button type="button" aria-pressed={active.includes(item.key)} onClick={() => onToggle(item.key)} data-category={item.key}>
              <span
                className={`swatch${item.key === "no-data" ? " swatch-no-data" : ""}`}
                style={item.colour ? { background: item.colour } : undefined}
                aria-hidden="true"
              />
              <span className="legend-label">{item.label}</span>
              <span className="count">{item.count.toLocaleString("en")}</span>
            </button>
          </li>
        ))}
      </ul>
      <ul className="legend-cues" aria-label="How a stance holds">
        <li data-cue="uncertain">
          <CueSwatch colour={CUE_SAMPLE} uncertain attested={false} />
          <span>{CUE_TEXT.uncertain}</span>
          <span className="count">{cues.uncertain.toLocaleString("en")}</span>
        </li>
        <li data-cue="attested">
          <CueSwatch colour={CUE_SAMPLE} uncertain={false} attested />
          <span>{CUE_TEXT.attested}</span>
          <span className="count">{cues.attested.toLocaleString("en")}</span>
        </li>
        {cues.qualifiers.map((q) => (
          <li key={q.key} data-cue={`qualifier:${q.key}`}>
            <QualifierGlyph index={q.index} />
            <span>{q.label}</span>
            <span className="count">{q.count.toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
