"use client";
// The legend: categories in scale order with the count of actors in each; a press highlights them.
import type { LegendItem } from "@stancemap/core";

export function Legend(props: {
  title: string;
  items: LegendItem[];
  noData: number;
  active: readonly string[];
  onToggle: (key: string) => void;
}) {
  const { items, noData, active, onToggle } = props;
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
              <span className="count">{item.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
