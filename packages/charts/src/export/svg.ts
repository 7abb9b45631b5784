// A minimal, safe SVG writer for exports: element and attribute names come from our code only; every
// value and every text is escaped, so text from the database can never become markup.
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
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
