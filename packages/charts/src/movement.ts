// How the change view draws a movement between two dates: one colour and one label per movement,
// shared by the dashboard and the change export. Okabe–Ito hues for the moves (distinguishable with the
// common colour-vision deficiencies); greys for what is not a change.
import { lookupTable, type Movement } from "@stancemap/core/model";

export const MOVEMENT_COLOURS: Readonly<Record<Movement, string>> = lookupTable({
  "toward-first": "#0072B2",
  "toward-last": "#D55E00",
  requalified: "#CC79A7",
  new: "#009E73",
  ended: "#7A5C1E",
  uncertain: "#E69F00",
  unchanged: "#BDBDBD",
  "attested-only": "#E4E4E4",
}) as Record<Movement, string>;

/** "Moved toward formal recognition": the label of a movement on a topic's scale. */
export function movementLabel(movement: Movement, scale: readonly { order: number; label: string }[]): string {
  const sorted = [...scale].sort((a, b) => a.order - b.order);
  const first = sorted[0]?.label.toLowerCase() ?? "the first category";
  const last = sorted.at(-1)?.label.toLowerCase() ?? "the last category";
  switch (movement) {
    case "toward-first":
      return `Moved toward ${first}`;
    case "toward-last":
      return `Moved toward ${last}`;
    case "requalified":
      return "Same category, qualifiers changed";
    case "new":
      return "New stance";
    case "ended":
      return "Stance ended";
    case "uncertain":
      return "May have changed (dates imprecise)";
    case "unchanged":
      return "Unchanged";
    case "attested-only":
      return "Attested only: start not stated, not a change";
  }
}
