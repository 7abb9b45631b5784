// Export themes: light and dark keep the topic's colours; print-safe turns each category into a grey
// with its own pattern, so categories stay distinguishable without colour.
import { el } from "./svg";

export const EXPORT_THEMES = ["light", "dark", "print"] as const;
export type ExportTheme = (typeof EXPORT_THEMES)[number];

export interface ThemeColours {
  background: string;
  text: string;
  muted: string;
  line: string;
  sphere: string;
  stroke: string;
  noData: string;
}

export const THEME_COLOURS: Record<ExportTheme, ThemeColours> = {
  light: {
    background: "#ffffff",
    text: "#1c1d1f",
    muted: "#585c63",
    line: "#d9dadc",
    sphere: "#eef2f6",
    stroke: "#ffffff",
    noData: "#e6e6e6",
  },
  dark: {
    background: "#141518",
    text: "#ececee",
    muted: "#a8abb2",
    line: "#33363c",
    sphere: "#1d2026",
    stroke: "#141518",
    noData: "#3a3c41",
  },
  print: {
    background: "#ffffff",
    text: "#000000",
    muted: "#333333",
    line: "#999999",
    sphere: "#ffffff",
    stroke: "#000000",
    noData: "#ffffff",
  },
};

/** Greys from dark to light for categories in scale order (print theme). */
const GREYS = ["#1a1a1a", "#4d4d4d", "#7a7a7a", "#a6a6a6", "#cccccc", "#e6e6e6"];
/** One pattern per position on the scale: none, diagonal, dots, cross-hatch, horizontal, vertical. */
const PATTERNS = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical"] as const;

export function printPatternId(index: number): string {
  return `print-${index}`;
}

/** The `<pattern>` of the category at `index` on the scale, for the print theme. */
export function printPattern(index: number): string {
  const grey = GREYS[index % GREYS.length] as string;
  const ink = index % GREYS.length < 3 ? "#ffffff" : "#000000";
  const kind = PATTERNS[index % PATTERNS.length];
  const marks =
    kind === "diagonal"
      ? el("path", { d: "M0,6 L6,0", stroke: ink, "stroke-width": 1.2 })
      : kind === "dots"
        ? el("circle", { cx: 3, cy: 3, r: 1.1, fill: ink })
        : kind === "cross"
          ? el("path", { d: "M0,0 L6,6 M0,6 L6,0", stroke: ink, "stroke-width": 0.9 })
          : kind === "horizontal"
            ? el("path", { d: "M0,3 L6,3", stroke: ink, "stroke-width": 1.2 })
            : kind === "vertical"
              ? el("path", { d: "M3,0 L3,6", stroke: ink, "stroke-width": 1.2 })
              : "";
  return el("pattern", { id: printPatternId(index), width: 6, height: 6, patternUnits: "userSpaceOnUse" }, [
    el("rect", { width: 6, height: 6, fill: grey }),
    marks,
  ]);
}

/** What marks "no data": hatching on screen; in print, where the categories are greys with hatches,
 * dots and lines, small open rings on white, a pattern no category has. */
export function noDataPattern(theme: ExportTheme): string {
  const c = THEME_COLOURS[theme];
  if (theme === "print")
    return el("pattern", { id: "no-data", width: 7, height: 7, patternUnits: "userSpaceOnUse" }, [
      el("rect", { width: 7, height: 7, fill: c.noData }),
      el("circle", { cx: 3.5, cy: 3.5, r: 1.7, fill: "none", stroke: "#000000", "stroke-width": 0.7 }),
    ]);
  return el("pattern", { id: "no-data", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, [
    el("rect", { width: 6, height: 6, fill: c.noData }),
    el("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: c.muted, "stroke-width": 0.8 }),
  ]);
}

/** The fill of the category at `index` (its colour, or its print pattern). */
export function categoryFill(theme: ExportTheme, index: number, colour: string): string {
  return theme === "print" ? `url(#${printPatternId(index)})` : colour;
}
