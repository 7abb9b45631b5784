// `npm run bench:page-weight -w @stancemap/web`: what `/` ships, in bytes, on the shipped dataset and on
// synthetic ones (5,000 actors by default): the HTML raw and gzipped, split into the markup and the RSC
// flight payload Next inlines in it (`self.__next_f.push` scripts), how much of the markup is path data
// (`d="M…"`; the payload's long strings are split into text rows, so its share is read off its size), and the
// world's shapes asset the page references (when it does). Sizes, not timings: the same build and
// dataset give the same figures; the load average is printed only to say the machine was shared.
// Options: --sizes 5000[,500,20000], --no-shipped, --no-build, --path "/?date=2025-07-10".
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build, load, SIZES, shippedDatabase, startApp, synthetic, table } from "./server";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    "no-shipped": { type: "boolean" },
    "no-build": { type: "boolean" },
    path: { type: "string" },
  },
});
const sizes = (values.sizes ?? "5000").split(",").filter(Boolean) as unknown as (keyof typeof SIZES)[];
for (const s of sizes) if (!(s in SIZES)) throw new Error(`--sizes takes ${Object.keys(SIZES).join(", ")}`);
const path = values.path ?? "/";
build();

const kB = (n: number) => `${(n / 1024).toFixed(1)}`;
const gz = (s: string) => gzipSync(Buffer.from(s), { level: 6 }).length;
/** Characters of SVG path data in markup: `d="M…"` attributes. */
const pathChars = (s: string) => [...s.matchAll(/\bd="(M[^"]*)"/g)].reduce((n, m) => n + (m[1] ?? "").length, 0);

async function measure(label: string, file: string): Promise<string[]> {
  const app = await startApp(file);
  try {
    await fetch(`${app.base}${path}`); // compiles the route and warms the caches once
    const response = await fetch(`${app.base}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    const html = await response.text();
    const flight = [...html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "").join("");
    const markup = html.replace(/<script[^>]*>self\.__next_f\.push[\s\S]*?<\/script>/g, "");
    const sprite = /href="(\/data\/world\/[^"#]+\.svg)#/.exec(html)?.[1];
    let asset = "none";
    if (sprite) {
      const svg = await (await fetch(`${app.base}${sprite}`)).text();
      asset = `${kB(svg.length)} / ${kB(gz(svg))}`;
    }
    return [
      label,
      `${kB(html.length)} / ${kB(gz(html))}`,
      `${kB(markup.length)} / ${kB(gz(markup))}`,
      `${kB(flight.length)} / ${kB(gz(flight))}`,
      `${kB(pathChars(markup))}`,
      asset,
      load(),
    ];
  } finally {
    app.stop();
  }
}

const rows: string[][] = [];
if (!values["no-shipped"]) {
  const shipped = shippedDatabase("page-weight");
  try {
    rows.push(await measure("shipped dataset", shipped.file));
  } finally {
    rmSync(shipped.dir, { recursive: true, force: true });
  }
}
for (const s of sizes) rows.push(await measure(`${Number(s).toLocaleString("en")} actors`, synthetic(`synth-${s}`, [...SIZES[s]])));

console.log(`\n${path}: kB (1024 bytes), raw / gzip level 6; path data raw; machine shared with other work`);
console.log(table(["dataset", "HTML", "markup", "flight payload", "path data in markup", "world shapes asset", "load"], rows));
