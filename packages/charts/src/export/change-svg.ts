// The change between two dates as a standalone SVG: the map coloured by movement (map-svg.ts draws it)
// and, beside it (below on a narrow page), the list of every change: who, from what to what, when, and
// who says so; then the actors that did not change, and those known only from an attestation (their
// start not stated), named as not changes. Pure: runs in the browser and on the server.
import { wrapText } from "../text/metrics";
import type { Box } from "./frame";
import { type MapAside, type MapExportInput, renderMapSvg } from "./map-svg";
import { el, round, text } from "./svg";
import { categoryFill, type ExportTheme, THEME_COLOURS } from "./themes";

export interface ChangeListEntry {
  /** The movement's position in the legend (its colour, its print pattern). */
  index: number;
  colour: string;
  name: string;
  /** "Diplomatic engagement → Formal recognition". */
  what: string;
  /** "3 July 2025 · Indian Council of World Affairs; TASS". */
  detail: string;
}

export interface ChangeList {
  /** "Changes, 1 April 2025 → 3 July 2025 (1)". */
  heading: string;
  entries: readonly ChangeListEntry[];
  /** What is not a change, in sentences: "Attested only, start not stated: not changes (10): Pakistan, …". */
  notes: readonly string[];
  /** Said when there is no change. */
  empty: string;
  /** The notes in a few words, for a page too small for them: "Not changes: 8 attested only, 1 unchanged." */
  shortNotes: readonly string[];
}

interface Line {
  content: string;
  weight: 400 | 700;
  muted: boolean;
  /** The entry whose first line this is: a swatch before it. */
  swatch?: ChangeListEntry;
  gapBefore: number;
  /** An entry's line, set after its swatch. */
  indent?: boolean;
}

/** The list as lines for a box `width` wide at `size`; `compact`: each change on its name and its move
 * only, and the notes in a few words. */
function listLines(list: ChangeList, width: number, size: number, compact = false): Line[] {
  const indent = size * 1.4;
  const out: Line[] = [];
  for (const content of wrapText(list.heading, width, size, 700)) out.push({ content, weight: 700, muted: false, gapBefore: 0 });
  if (list.entries.length === 0)
    for (const content of wrapText(list.empty, width, size)) out.push({ content, weight: 400, muted: true, gapBefore: 0 });
  for (const e of list.entries) {
    const name = wrapText(e.name, width - indent, size, 700);
    name.forEach((content, i) => {
      out.push({
        content,
        weight: 700,
        muted: false,
        gapBefore: i === 0 ? size * 0.5 : 0,
        indent: true,
        ...(i === 0 ? { swatch: e } : {}),
      });
    });
    for (const content of wrapText(e.what, width - indent, size))
      out.push({ content, weight: 400, muted: false, gapBefore: 0, indent: true });
    if (!compact)
      for (const content of wrapText(e.detail, width - indent, size))
        out.push({ content, weight: 400, muted: true, gapBefore: 0, indent: true });
  }
  for (const note of compact ? list.shortNotes : list.notes)
    wrapText(note, width, size).forEach((content, i) => {
      out.push({ content, weight: 400, muted: true, gapBefore: i === 0 ? size * 0.8 : 0 });
    });
  return out;
}

const lineHeight = (size: number) => size * 1.3;

function listHeight(list: ChangeList, width: number, size: number, compact = false): number {
  return listLines(list, width, size, compact).reduce((h, l) => h + l.gapBefore + lineHeight(size), 0) + size * 0.4;
}

function renderList(list: ChangeList, box: Box, size: number, theme: ExportTheme): string {
  const c = THEME_COLOURS[theme];
  // As large as fits, down to 7 px; the lines that still do not fit are counted in a last line.
  let s = size;
  while (s > 8 && listHeight(list, box.width, s) > box.height) s -= 0.5;
  const compact = listHeight(list, box.width, s) > box.height;
  if (compact) while (s > 7 && listHeight(list, box.width, s, true) > box.height) s -= 0.5;
  const lines = listLines(list, box.width, s, compact);
  const lh = lineHeight(s);
  const indent = s * 1.4;
  const out: string[] = [];
  let y = box.y;
  const bottom = box.y + box.height;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const last = i === lines.length - 1;
    // Room for this line, and for the "more" line after it unless it is the last.
    if (y + l.gapBefore + lh * (last ? 1 : 2) > bottom) {
      const left = lines.length - i;
      if (y + lh <= bottom)
        out.push(
          text(`${left} more line${left === 1 ? "" : "s"}: every row is in the data download.`, {
            class: "change-item",
            x: round(box.x),
            y: round(y + s),
            "font-size": s,
            fill: c.muted,
          }),
        );
      break;
    }
    y += l.gapBefore;
    const x = box.x + (l.indent ? indent : 0);
    if (l.swatch)
      out.push(
        el("rect", {
          x: round(box.x),
          y: round(y + s * 0.2),
          width: round(s * 0.95),
          height: round(s * 0.95),
          fill: categoryFill(theme, l.swatch.index, l.swatch.colour),
          stroke: c.muted,
          "stroke-width": 0.6,
        }),
      );
    out.push(
      text(l.content, {
        class: "change-item",
        x: round(x),
        y: round(y + s),
        "font-size": s,
        "font-weight": l.weight === 700 ? 700 : undefined,
        fill: l.muted ? c.muted : c.text,
      }),
    );
    y += lh;
  }
  return out.join("");
}

export function renderChangeSvg(input: Omit<MapExportInput, "aside"> & { list: ChangeList }): string {
  const aside: MapAside = {
    height: (width, size) => listHeight(input.list, width, size),
    render: (box, size) => renderList(input.list, box, size, input.theme),
  };
  return renderMapSvg({ ...input, aside });
}
