// How a map shows the way a stance holds, besides its category's colour: shared by the dashboard's map
// and the exported one, so a legend means the same on both.
// - uncertain (the date is inside the start's or end's uncertainty, e.g. 1 June 2023 for "2023"): a
//   lighter fill with diagonal stripes of the category's colour;
// - start not stated (counted from the date a source attests it): dots over the colour, in black or
//   white, whichever reads on it;
// - qualifying facts (e.g. "lists the Taliban as a terrorist organisation"): a marker at the country's
//   centre, one shape per qualifier of the topic.
import { textOn } from "./palette";

export interface HoldingCue {
  uncertain: boolean;
  attested: boolean;
}

/** Pattern tile size, in map units. */
export const CUE_TILE = 6;

/** The pattern id for a colour and cue, or null when the plain colour is drawn. */
export function cuePatternId(colour: string, cue: HoldingCue): string | null {
  if (!cue.uncertain && !cue.attested) return null;
  return `cue-${cue.uncertain ? "u" : ""}${cue.attested ? "a" : ""}-${colour.replace(/^#/, "").toLowerCase()}`;
}

/** What a cue pattern is made of, for a renderer to draw (React on the page, text in the export). */
export interface CuePattern {
  id: string;
  size: number;
  /** Drawn first: the colour, faded for uncertain (opacity over the background). */
  base: { colour: string; opacity: number };
  /** Diagonal stripes (uncertain): a path in the tile and its stroke. */
  stripes: { d: string; colour: string; width: number } | null;
  /** Dots (start not stated): centres and radius, in the colour that reads on the fill; "fg" (the
   * theme's text colour) on a faded fill, whose look depends on the background. */
  dots: { points: readonly [number, number][]; r: number; colour: string | "fg" } | null;
}

export function cuePattern(colour: string, cue: HoldingCue): CuePattern | null {
  const id = cuePatternId(colour, cue);
  if (!id) return null;
  const s = CUE_TILE;
  return {
    id,
    size: s,
    base: { colour, opacity: cue.uncertain ? 0.4 : 1 },
    // Stripes falling to the right, across the no-data hatching's rising ones, drawn with the corners'
    // pieces so that they join across tiles.
    stripes: cue.uncertain
      ? { d: `M0,0 L${s},${s} M${-s / 2},${s / 2} L${s / 2},${s * 1.5} M${s / 2},${-s / 2} L${s * 1.5},${s / 2}`, colour, width: 1.6 }
      : null,
    dots: cue.attested
      ? {
          points: [
            [s / 4, s / 4],
            [(3 * s) / 4, (3 * s) / 4],
          ],
          r: 0.75,
          colour: cue.uncertain ? "fg" : textOn(colour),
        }
      : null,
  };
}

/** Marker shapes for qualifiers, by the qualifier's position in the topic: centred on 0,0, about 8 units across. */
export const QUALIFIER_SHAPES: readonly { name: string; d: string }[] = [
  { name: "triangle", d: "M0,-4.6 L4.2,3 L-4.2,3 Z" },
  { name: "square", d: "M-3.4,-3.4 H3.4 V3.4 H-3.4 Z" },
  { name: "diamond", d: "M0,-4.6 L4.6,0 L0,4.6 L-4.6,0 Z" },
  { name: "circle", d: "M-3.8,0 A3.8,3.8 0 1 0 3.8,0 A3.8,3.8 0 1 0 -3.8,0 Z" },
  { name: "star", d: "M0,-4.8 L1.2,-1.5 L4.6,-1.5 L1.9,0.6 L2.9,4 L0,2 L-2.9,4 L-1.9,0.6 L-4.6,-1.5 L-1.2,-1.5 Z" },
];

export function qualifierShape(index: number): { name: string; d: string } {
  return QUALIFIER_SHAPES[((index % QUALIFIER_SHAPES.length) + QUALIFIER_SHAPES.length) % QUALIFIER_SHAPES.length] as {
    name: string;
    d: string;
  };
}

/** The legend's explanation of each cue. */
export const CUE_TEXT = {
  uncertain: "Uncertain at this date: the start or end is dated only to a month or year, or approximately",
  attested: "Start not stated: shown from the date a source attests it",
} as const;
