// A minimal, safe SVG writer for exports: element and attribute names come from our code only; every
// value and every text is escaped, so text from the database can never become markup.

/** Whether the UTF-16 code unit `c` may stand in an XML 1.0 document on its own (surrogates are checked in pairs). */
function allowed(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c < 0xfffe);
}

/** `text` without the characters XML 1.0 forbids: C0 controls other than tab, line feed and carriage
 * return, U+FFFE, U+FFFF and surrogates that are not part of a pair. */
function xmlChars(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    } else if (allowed(c) && !(c >= 0xdc00 && c <= 0xdfff)) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** `escapeXml` undone, and numeric references read (one past Unicode's range reads as U+FFFD, never a throw). */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string, dec: string, name: string) => {
    if (!hex && !dec) return NAMED_ENTITIES[name.toLowerCase()] ?? "";
    const n = Number.parseInt(hex ?? dec, hex ? 16 : 10);
    return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
  });
}

export type Attrs = Record<string, string | number | null | undefined | false>;

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === "number" ? round(v) : String(v))}"`)
    .join("");
}

/** Numbers with at most two decimals: stable output and small files. */
export function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** An element with attributes and children (already-built elements). */
export function el(name: string, a: Attrs = {}, children: string | readonly string[] = []): string {
  const inner = typeof children === "string" ? children : children.join("");
  return inner ? `<${name}${attrs(a)}>${inner}</${name}>` : `<${name}${attrs(a)}/>`;
}

/** A text element: the content is escaped. */
export function text(content: string, a: Attrs = {}): string {
  return `<text${attrs(a)}>${escapeXml(content)}</text>`;
}

/** The outline drawn around text so that it reads over lines and shapes: the background's colour. */
export interface Halo {
  colour: string;
  width: number;
}

/**
 * Text with a halo, as two text elements at the same place: first the halo (the outline only, in the
 * halo's colour, hidden from screen readers), then the text itself (the fill only). Not one element
 * with `paint-order`, which some renderers (the PDF's among them) ignore, stroking over the letters.
 * The halo keeps every attribute of the text but its fill, stroke and class (it is of class "halo").
 */
export function haloText(content: string, a: Attrs, halo: Halo): string {
  const { fill: _fill, class: _class, ...place } = withoutStroke(a);
  return (
    text(content, {
      class: "halo",
      ...place,
      fill: "none",
      stroke: halo.colour,
      "stroke-width": halo.width,
      "stroke-linejoin": "round",
      "aria-hidden": "true",
    }) + text(content, withoutStroke(a))
  );
}

function withoutStroke(a: Attrs): Attrs {
  const {
    stroke: _stroke,
    "stroke-width": _width,
    "stroke-linejoin": _join,
    "stroke-opacity": _opacity,
    "stroke-dasharray": _dash,
    "paint-order": _order,
    ...rest
  } = a;
  return rest;
}

export interface ExportDocument {
  width: number;
  height: number;
  title: string;
  /** What the picture shows, for screen readers and search: subtitle, legend, sources. */
  desc: string;
  defs: string | readonly string[];
  background: string;
  header: string;
  chart: string;
  footer: string;
}

/** Every export's envelope: the XML declaration, an SVG of the page's size labelled by its title and
 * description, the definitions, the background, then header, chart and footer. */
export function exportDocument(d: ExportDocument): string {
  const { width, height } = d;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    el(
      "svg",
      {
        xmlns: "http://www.w3.org/2000/svg",
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        role: "img",
        "aria-labelledby": "export-title export-desc",
      },
      [
        el("title", { id: "export-title" }, escapeXml(d.title)),
        el("desc", { id: "export-desc" }, escapeXml(d.desc)),
        el("defs", {}, d.defs),
        el("rect", { width, height, fill: d.background }),
        d.header,
        d.chart,
        d.footer,
      ],
    ),
    "\n",
  ].join("");
}
