// Issue 16's table from one bench run's records: per row the issue's "before" as the issue recorded it,
// this run's figures with the baseline measured in the same run, the load at the time, and the goal with
// met / not met. A figure a bench did not record shows why (skipped, failed, left out, not run); pure, so
// that it is tested on recorded runs (summary-table.test.ts).
import { FIRST_LOAD_GOAL, MAX_FONT_FACES } from "../scripts/first-load.mjs";
import { BenchRecord, type Figure, type Load } from "./results";

/** The steps `npm run bench` runs (all.ts), each recording under its name or `name-part`. */
export const STEPS = ["api", "dashboard", "network-2k", "network-20k", "export", "flood", "growth", "first-load", "postgres", "lighthouse"];

/** What one step left in the file: its figures (later records add to earlier ones), and why any are missing. */
interface Part {
  figures: Record<string, Figure>;
  left: Record<string, string>;
  options: Record<string, unknown>;
  load: Load;
}

export interface Run {
  parts: Map<string, Part>;
  /** Steps that failed or were skipped, with the reason. */
  problems: Map<string, { status: "failed" | "skipped"; reason: string }>;
}

/** Parses a results file's lines (JSON lines, as results.ts appends them). */
export function parseRun(text: string): Run {
  const run: Run = { parts: new Map(), problems: new Map() };
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    const parsed = BenchRecord.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${i + 1} is not a bench record: ${parsed.error.message}`);
    const r = parsed.data;
    if (r.status !== "ok") {
      // A skip measured nothing: a figure recorded before it (results merged from several runs) stands.
      if (r.status === "skipped" && run.parts.has(r.bench)) continue;
      run.problems.set(r.bench, { status: r.status, reason: r.reason ?? "no reason given" });
      continue;
    }
    // Results merged from several runs (bench:summary --merge): a later measurement supersedes a failure.
    run.problems.delete(r.bench);
    const part = run.parts.get(r.bench) ?? { figures: {}, left: {}, options: {}, load: r.load };
    run.parts.set(r.bench, {
      figures: { ...part.figures, ...r.figures },
      left: { ...part.left, ...r.left },
      options: { ...part.options, ...r.options },
      load: r.load,
    });
  }
  return run;
}

export interface Row {
  measure: string;
  before: string;
  now: string;
  baseline: string;
  load: string;
  goal: string;
  verdict: string;
}

const num = (v: number, digits = 0) => v.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A value in its unit: bytes as kB (1000) or MB, milliseconds whole above 10, ratios to two places. */
export function show(v: number | null, unit: string): string {
  if (v === null) return "not measured";
  if (unit === "B") return v >= 1e6 ? `${num(v / 1e6, 2)} MB` : `${num(v / 1e3, 1)} kB`;
  if (unit === "ms") return v >= 1000 ? `${num(v / 1000, 2)} s` : `${num(v, v >= 10 ? 0 : 1)} ms`;
  if (unit === "×") return `${num(v, 2)}×`;
  if (unit === "fps") return `${num(v, 1)} fps`;
  if (unit === "") return num(v, Number.isInteger(v) ? 0 : 1);
  return `${num(v, 1)} ${unit}`;
}

/** "12 ms (10–15, n 5)" for repeated runs, "12 ms" for one. */
export function showFigure(f: Figure): string {
  if (f.n <= 1 || f.min === f.max) return show(f.median, f.unit);
  return `${show(f.median, f.unit)} (${show(f.min, f.unit)}–${show(f.max, f.unit)}, n ${f.n})`;
}

const showLoad = (l: Load) => `${l.one.toFixed(2)} / ${l.five.toFixed(2)} on ${l.cores} cores`;

/** Reads figures, and says why one is missing: the step's failure or skip, a part it left out, or that it did not run. */
class Reader {
  constructor(private run: Run) {}

  part(id: string): Part | undefined {
    return this.run.parts.get(id);
  }

  fig(id: string, name: string): Figure | undefined {
    const f = this.run.parts.get(id)?.figures[name];
    return f && f.median !== null ? f : undefined;
  }

  /** Why `name` of part `id` (of step `step`) is missing. */
  why(step: string, id = step, name = ""): string {
    const problem = this.run.problems.get(step) ?? this.run.problems.get(id);
    if (problem) return `${step} ${problem.status}: ${problem.reason}`;
    const left = Object.entries(this.run.parts.get(id)?.left ?? {}).find(([prefix]) => name.startsWith(prefix));
    if (left) return `${id} left it out: ${left[1]}`;
    if (this.run.parts.has(id)) return `${id} did not record ${name}`;
    const others = [...this.run.parts.keys()].filter((k) => k.startsWith(`${step}-`));
    const named = (part: string) => (/^\d+$/.test(part) ? num(Number(part)) : part);
    if (others.length) return `${step} ran ${others.map((k) => named(k.slice(step.length + 1))).join(", ")} only`;
    return `${step} did not run`;
  }

  /** Steps that failed (with the reason), to name beside a row's figures. */
  failures(steps: string[]): string[] {
    return steps.flatMap((s) => {
      const p = this.run.problems.get(s);
      return p?.status === "failed" ? [`${s} failed: ${p.reason}`] : [];
    });
  }
}

type Verdict = "met" | "not met";
const verdict = (ok: boolean): Verdict => (ok ? "met" : "not met");
const median = (f: Figure) => f.median ?? Number.NaN;
const SIZES = ["500", "5000", "20000"] as const;
const sizeWords = (s: string) => `${num(Number(s))}`;

/** The growth bench's sizes that recorded `name`. */
function bySize(r: Reader, name: string): { size: string; f: Figure; load: Load }[] {
  return SIZES.flatMap((size) => {
    const f = r.fig(`growth-${size}`, name);
    const part = r.part(`growth-${size}`);
    return f && part ? [{ size, f, load: f.load ?? part.load }] : [];
  });
}

const loads = (list: { size: string; load: Load }[]) => list.map((x) => `${sizeWords(x.size)}: ${showLoad(x.load)}`).join("; ");

function homeRow(r: Reader): Row {
  const gz = bySize(r, "home.gz");
  const parts = gz.map(({ size, f }) => {
    const raw = r.fig(`growth-${size}`, "home.raw");
    const ttfb = r.fig(`growth-${size}`, "home.ttfb");
    const copies = r.fig(`growth-${size}`, "home.shapeCopies");
    const shapes = copies ? `, the largest country's shape ${show(median(copies), "")}×` : "";
    return `${sizeWords(size)}: ${raw ? showFigure(raw) : "not measured"} (${showFigure(f)} gz), TTFB ${ttfb ? showFigure(ttfb) : "not measured"}${shapes}`;
  });
  const dash = r.fig("dashboard", "html.gz");
  const dashSize = r.part("dashboard")?.options.size;
  if (dash) parts.push(`dashboard bench at ${sizeWords(String(dashSize))}: ${showFigure(dash)} gz`);
  const all = [...gz.map((x) => x.f), ...(dash ? [dash] : [])];
  const missing = SIZES.filter((s) => !r.fig(`growth-${s}`, "home.gz"));
  return {
    measure: "`/` HTML",
    before: "1.5 MB at 500 actors, 10.65 MB (508 KB gz) at 5,000, 76.6 MB at 20,000 (TTFB 11.8 s); country shapes sent twice",
    now: parts.length
      ? parts.join("; ") + (missing.length ? ` (${r.why("growth", `growth-${missing[0]}`, "home.gz")})` : "")
      : r.why("growth"),
    baseline: "none (the issue's figure is the before)",
    load: [loads(gz), dash && r.part("dashboard") ? `dashboard: ${showLoad(dash.load ?? (r.part("dashboard") as Part).load)}` : ""]
      .filter(Boolean)
      .join("; "),
    goal: "≤ 300 kB gz at any dataset size",
    verdict: all.length
      ? `${verdict(all.every((f) => median(f) <= 300_000))}${missing.length ? ` at the sizes measured (not at ${missing.map(sizeWords).join(", ")})` : ""}`
      : "not judged: not measured",
  };
}

function actorRow(r: Reader): Row {
  const list = bySize(r, "actor.ttfb");
  const at20k = r.fig("growth-20000", "actor.ttfb");
  return {
    measure: "actor page TTFB",
    before: "0.37 s at 500, 2.7 s at 5,000, 10.4 s at 20,000",
    now: list.length ? list.map(({ size, f }) => `${sizeWords(size)}: ${showFigure(f)}`).join("; ") : r.why("growth"),
    baseline: "none",
    load: loads(list),
    goal: "< 100 ms server time at 20,000",
    verdict: at20k
      ? `${verdict(median(at20k) < 100)} (time to the response's headers, from the client on the same machine)`
      : `not judged: ${r.why("growth", "growth-20000", "actor.ttfb")}`,
  };
}

function mapSvgRow(r: Reader): Row {
  const list = bySize(r, "mapSvg.total");
  const parts = list.map(({ size, f }) => {
    const bytes = r.fig(`growth-${size}`, "mapSvg.bytes");
    return `${sizeWords(size)}: ${showFigure(f)} for ${bytes ? showFigure(bytes) : "not measured"}`;
  });
  for (const key of ["shipped", ...SIZES]) {
    const f = r.fig("export", `${key}.map-svg.warm`);
    if (f) parts.push(`export bench, ${key === "shipped" ? "shipped" : sizeWords(key)}: warm ${showFigure(f)}`);
  }
  const first = list[0];
  const last = list.at(-1);
  let judged = "not judged: needs two sizes of the growth bench";
  if (first && last && first !== last) {
    const bytesOf = (size: string) =>
      median(r.fig(`growth-${size}`, "mapSvg.bytes") ?? { median: null, min: null, max: null, n: 0, unit: "B" });
    const time = median(last.f) / median(first.f);
    const picture = bytesOf(last.size) / bytesOf(first.size);
    judged = `${verdict(time <= 1.5 * picture)}: ${sizeWords(first.size)} → ${sizeWords(last.size)} actors, time ×${num(time, 2)}, picture ×${num(picture, 2)} (met while time ≤ 1.5 × the picture's growth)`;
  }
  const exportPart = r.part("export");
  return {
    measure: "map export SVG",
    before: "27 ms shipped, 0.8 s at 5,000, 6 s at 20,000",
    now: parts.length ? parts.join("; ") : `${r.why("growth")}; ${r.why("export")}`,
    baseline: "none",
    load: [loads(list), exportPart ? `export: ${showLoad(exportPart.load)}` : ""].filter(Boolean).join("; "),
    goal: "grows with the picture, not the dataset",
    verdict: judged,
  };
}

function networkViewRow(r: Reader): Row {
  const list = bySize(r, "network.html.gz");
  const judgements: boolean[] = [];
  const parts = list.map(({ size, f }) => {
    const id = `growth-${size}`;
    const raw = r.fig(id, "network.html.raw");
    const fetched = r.fig(id, "network.fetched");
    const edges = r.fig(id, "network.edges");
    const inDb = r.fig(id, "network.inDatabase");
    const note = r.fig(id, "network.noteShown");
    judgements.push(median(f) <= 300_000);
    let drawn = `drawing not checked (${r.why("growth", id, "network.edges")})`;
    if (edges && inDb && note) {
      const complete = median(edges) >= median(inDb);
      const said = median(note) === 1;
      judgements.push(complete || said);
      drawn = `${show(median(edges), "")} of ${show(median(inDb), "")} reactions drawn, ${said ? "truncation note shown" : "no truncation note"}${!complete && !said ? " (SILENTLY INCOMPLETE)" : ""}`;
    }
    return `${sizeWords(size)}: HTML ${raw ? showFigure(raw) : "not measured"} (${showFigure(f)} gz), ${fetched ? `${showFigure(fetched)} fetched after the page` : "bytes fetched after the page not measured"}, ${drawn}`;
  });
  const full = r.fig("network-20k", "drawn.edges");
  if (full) parts.push(`network bench 20k with the cap raised to 100,000: ${show(median(full), "")} edges drawn`);
  return {
    measure: "network view",
    before: "embeds 15 MB of HTML at 5,000 and 81 MB at 20,000; caps at 20,000 reactions keeping the oldest; truncation never shown",
    now: parts.length ? parts.join("; ") : r.why("growth"),
    baseline: "none",
    load: loads(list),
    goal: "loads on demand; never silently incomplete",
    verdict: judgements.length
      ? `${verdict(judgements.every(Boolean))} at ${list.map((x) => sizeWords(x.size)).join(", ")} actors (met while the view's HTML is ≤ 300 kB gz and every reaction is drawn or the note says some are not)`
      : "not judged: not measured",
  };
}

function networkDrawRow(r: Reader): Row {
  const describe = (id: string) => {
    const f = (name: string) => r.fig(id, name);
    const nodes = f("drawn.nodes");
    const edges = f("drawn.edges");
    const pieces = [
      nodes && edges ? `${show(median(nodes), "")} nodes / ${show(median(edges), "")} edges` : "",
      ...(["pan", "zoom", "hover"] as const).map((k) => {
        const fps = f(`${k}.fps`);
        return fps ? `${k} ${showFigure(fps)}` : "";
      }),
      f("layout.longest") ? `longest task during layout ${showFigure(f("layout.longest") as Figure)}` : "",
      f("layout.settled") ? `layout ${showFigure(f("layout.settled") as Figure)} in the worker` : "",
    ].filter(Boolean);
    return pieces.length ? `${id.slice("network-".length)}: ${pieces.join(", ")}` : `${id.slice("network-".length)}: ${r.why(id)}`;
  };
  const big = r.part("network-20k");
  const fps = (["pan", "zoom", "hover"] as const).map((k) => r.fig("network-20k", `${k}.fps`));
  const longest = r.fig("network-20k", "layout.longest");
  const judged =
    big && fps.every(Boolean) && longest
      ? verdict(fps.every((f) => median(f as Figure) >= 30) && median(longest) <= 50)
      : `not judged: ${r.why("network-20k")}`;
  return {
    measure: "network draw",
    before: "2k/10k: pan 60 fps (bitmap); hover 15–35 fps; long tasks 7.7 s at 5,000, 21.8 s at 20,000",
    now: [describe("network-2k"), describe("network-20k")].join("; "),
    baseline: "none",
    load: ["network-2k", "network-20k"]
      .flatMap((id) => {
        const p = r.part(id);
        return p ? [`${id.slice(8)}: ${showLoad(p.load)}`] : [];
      })
      .join("; "),
    goal: "20k/100k: ≥ 30 fps pan, zoom, hover; no long task > 50 ms during layout",
    verdict: judged,
  };
}

function recolourRow(r: Reader): Row {
  const frames = bySize(r, "recolour.frame");
  const parts = frames.map(({ size, f }) => {
    const commit = r.fig(`growth-${size}`, "recolour.commit");
    return `${sizeWords(size)}: frame ${showFigure(f)}, commit ${commit ? showFigure(commit) : "not measured"}`;
  });
  const dashSize = String(r.part("dashboard")?.options.size ?? "");
  const p95 = (id: string) => ({ commit: r.fig(id, "recolour.commit.p95"), frame: r.fig(id, "recolour.frame.p95") });
  // The goal is at 5,000 actors: the dashboard bench's 40 changes when it ran at that size, else growth's 12.
  const source = dashSize === "5000" && p95("dashboard").frame ? "dashboard" : p95("growth-5000").frame ? "growth-5000" : null;
  const dash = r.fig("dashboard", "recolour.frame");
  if (dash) parts.push(`dashboard bench at ${sizeWords(dashSize)}: frame ${showFigure(dash)}`);
  let judged = `not judged: at 5,000 actors, ${r.why("dashboard", "dashboard", "recolour")}`;
  if (source) {
    const { commit, frame } = p95(source);
    judged = `${verdict(median(commit as Figure) < 4 && median(frame as Figure) < 16)}: p95 at 5,000 (${source}) commit ${showFigure(commit as Figure)}, frame ${showFigure(frame as Figure)}`;
  }
  const dashPart = r.part("dashboard");
  return {
    measure: "recolour on a date change",
    before: "painted frame 14 / 25 / 57 ms median at 500 / 5,000 / 20,000 (commit 5.7 / 13.1 / 45 ms)",
    now: parts.length ? parts.join("; ") : `${r.why("growth", "growth-5000", "recolour")}; ${r.why("dashboard")}`,
    baseline: "none",
    load: [loads(frames), dashPart ? `dashboard: ${showLoad(dashPart.load)}` : ""].filter(Boolean).join("; "),
    goal: "script (React's commit) < 4 ms and frame < 16 ms p95 at 5,000",
    verdict: judged,
  };
}

function firstLoadRow(r: Reader): Row {
  const part = r.part("first-load");
  const side = (s: "this" | "baseline") => {
    const js = r.fig("first-load", `${s}./.js.gz`);
    const css = r.fig("first-load", `${s}./.css.raw`);
    const faces = r.fig("first-load", `${s}./.css.fontFaces`);
    return js
      ? `${showFigure(js)} gz JS; ${css ? showFigure(css) : "not measured"} stylesheet, ${faces ? show(median(faces), "") : "not measured"} @font-face`
      : null;
  };
  const js = r.fig("first-load", "this./.js.gz");
  const faces = r.fig("first-load", "this./.css.fontFaces");
  const dash = r.fig("dashboard", "js.gz");
  const now = [side("this"), dash ? `scripts the served HTML names (dashboard bench): ${showFigure(dash)} gz` : ""]
    .filter(Boolean)
    .join("; ");
  return {
    measure: "first-load JS `/`",
    before: "201 kB gz; 101 KB stylesheet with 101 @font-face",
    now: now || r.why("first-load"),
    baseline: side("baseline") ?? (part ? "no baseline build given (STANCEMAP_BENCH_BASELINE, or --baseline)" : r.why("first-load")),
    load: part ? showLoad(js?.load ?? part.load) : "",
    goal: "≤ 150 kB gz; fonts only where needed",
    verdict:
      js && faces
        ? `${verdict(median(js) <= FIRST_LOAD_GOAL && median(faces) <= MAX_FONT_FACES)} (fonts: at most ${MAX_FONT_FACES} @font-face rules in \`/\`'s stylesheets, as the size budget checks)`
        : `not judged: ${r.why("first-load")}`,
  };
}

function lighthouseRow(r: Reader): Row {
  const part = r.part("lighthouse");
  const pages = ["dashboard", "network", "actor"] as const;
  const datasets = ["shipped", ...SIZES].filter((d) => pages.some((p) => r.fig("lighthouse", `${d}.${p}.score`)));
  const checks: boolean[] = [];
  const parts = datasets.map((d) => {
    const each = pages.map((p) => {
      const score = r.fig("lighthouse", `${d}.${p}.score`);
      const lcp = r.fig("lighthouse", `${d}.${p}.lcp`);
      const tbt = r.fig("lighthouse", `${d}.${p}.tbt`);
      if (!score || !lcp) return `${p} not measured`;
      checks.push(median(score) >= 95 && median(lcp) <= 1500);
      return `${p} ${showFigure(score)}, LCP ${showFigure(lcp)}${tbt ? `, TBT ${showFigure(tbt)}` : ""}`;
    });
    return `${d === "shipped" ? "shipped" : sizeWords(d)}: ${each.join("; ")}`;
  });
  return {
    measure: "Lighthouse mobile",
    before: "`/` 81, LCP 3.2 s, TBT 446 ms; network 81.5; actor 88",
    now: parts.length ? parts.join(" | ") : r.why("lighthouse"),
    baseline: "none",
    load: part ? showLoad(part.load) : "",
    goal: "≥ 95, LCP ≤ 1.5 s",
    verdict: checks.length
      ? `${verdict(checks.every(Boolean))} (every page of every dataset measured)`
      : `not judged: ${r.why("lighthouse")}`,
  };
}

function apiRow(r: Reader): Row {
  const part = r.part("api");
  const f = (name: string) => r.fig("api", name);
  const need = ["ratio.stances.c50", "app.stances.c50.p99", "bare.stances.c50.p99", "app.stances.c1.p50", "bare.stances.c1.p50"];
  const lacking = need.find((n) => !f(n));
  if (!part || lacking) {
    const why = r.why("api", "api", lacking ?? "");
    return {
      measure: "API stances vs bare node:http + better-sqlite3 server (50 conn.)",
      before: "0.57×; p99 492 vs 273 ms; one conn. 18.5 vs 8.5 ms; reactions 0.53×",
      now: why,
      baseline: why,
      load: part ? showLoad(part.load) : "",
      goal: "≥ 0.7×; p99 ≤ 2× bare; ≤ 20 ms at one conn.",
      verdict: `not judged: ${why}`,
    };
  }
  const g = (name: string) => f(name) as Figure;
  const reactions = f("ratio.reactions.c50");
  const ok =
    median(g("ratio.stances.c50")) >= 0.7 &&
    (!reactions || median(reactions) >= 0.7) &&
    median(g("app.stances.c50.p99")) <= 2 * median(g("bare.stances.c50.p99")) &&
    median(g("app.stances.c1.p50")) <= 20;
  return {
    measure: "API stances vs bare node:http + better-sqlite3 server (50 conn.)",
    before: "0.57×; p99 492 vs 273 ms; one conn. 18.5 vs 8.5 ms; reactions 0.53×",
    now:
      `${showFigure(g("ratio.stances.c50"))}; p99 ${showFigure(g("app.stances.c50.p99"))}; one conn. p50 ${showFigure(g("app.stances.c1.p50"))}` +
      `${reactions ? `; reactions ${showFigure(reactions)}` : ""} (${sizeWords(String(part.options.size))} actors)`,
    baseline: `bare server, interleaved: ${show(median(g("bare.stances.c50.rps")), "req/s")} at 50 conn. (app ${show(median(g("app.stances.c50.rps")), "req/s")}); p99 ${showFigure(g("bare.stances.c50.p99"))}; one conn. p50 ${showFigure(g("bare.stances.c1.p50"))}`,
    load: showLoad(g("ratio.stances.c50").load ?? part.load),
    goal: "≥ 0.7×; p99 ≤ 2× bare; ≤ 20 ms at one conn.",
    verdict: `${verdict(ok)} at ${sizeWords(String(part.options.size))} actors`,
  };
}

function postgresRow(r: Reader): Row {
  const part = r.part("postgres");
  const keys = [
    ["stances.c1", "stances, 1 conn."],
    ["stances.c50", "stances, 50 conn."],
    ["home.c4", "`/`, 4 conn."],
  ] as const;
  const ratios = keys.map(([k]) => r.fig("postgres", `ratio.${k}`));
  const measured = part && ratios.every(Boolean);
  return {
    measure: "PostgreSQL after a bulk load",
    before: "0.05× SQLite before ANALYZE; 0.6× after; `/` 2.3× slower",
    now: measured
      ? `${keys.map(([k, words], i) => `${words} ${showFigure(ratios[i] as Figure)} (${show(median(r.fig("postgres", `postgres.${k}.rps`) as Figure), "req/s")})`).join("; ")}, right after the loader, no ANALYZE by hand`
      : r.why("postgres", "postgres", "ratio"),
    baseline: measured
      ? `SQLite, same dataset, interleaved: ${keys.map(([k, words]) => `${words} ${show(median(r.fig("postgres", `sqlite.${k}.rps`) as Figure), "req/s")}`).join("; ")}`
      : r.why("postgres"),
    load: part ? showLoad(part.load) : "",
    goal: "loaders keep statistics; PG ≥ 0.8× SQLite",
    verdict: measured ? verdict(ratios.every((f) => median(f as Figure) >= 0.8)) : `not judged: ${r.why("postgres")}`,
  };
}

function exportRow(r: Reader): Row {
  const part = r.part("export");
  const datasets = ["shipped", ...SIZES].filter((d) => r.fig("export", `${d}.map-png-2x.warm`) || r.fig("export", `${d}.map-pdf.warm`));
  const checks: boolean[] = [];
  const now: string[] = [];
  const base: string[] = [];
  for (const d of datasets) {
    const png = r.fig("export", `${d}.map-png-2x.warm`);
    const pdf = r.fig("export", `${d}.map-pdf.warm`);
    const label = d === "shipped" ? "shipped" : sizeWords(d);
    now.push(`${label}: PNG 2x ${png ? showFigure(png) : "not measured"}, PDF ${pdf ? showFigure(pdf) : "not measured"}`);
    const resvg = r.fig("export", `${d}.map-png-2x.library`);
    const pdfkit = r.fig("export", `${d}.map-pdf.library`);
    const over = (app?: Figure, lib?: Figure) => {
      if (!app || !lib) return "";
      const pct = (median(app) / median(lib) - 1) * 100;
      return ` (app ${pct < 0 ? "−" : "+"}${num(Math.abs(pct))} %)`;
    };
    base.push(
      `${label}: resvg ${resvg ? showFigure(resvg) : "not measured"}${over(png, resvg)}, pdfkit ${pdfkit ? showFigure(pdfkit) : "not measured"}${over(pdf, pdfkit)}`,
    );
    if (png) checks.push(median(png) <= 150);
    if (pdf) checks.push(median(pdf) <= 300);
  }
  return {
    measure: "export warm map PNG 2x / PDF",
    before: "208 / 433 ms (app adds 0–18% over resvg and pdfkit)",
    now: now.length ? now.join("; ") : r.why("export"),
    baseline: base.length ? `the libraries alone on the same picture, interleaved: ${base.join("; ")}` : r.why("export"),
    load: part ? showLoad(part.load) : "",
    goal: "≤ 150 / ≤ 300 ms",
    verdict: checks.length ? `${verdict(checks.every(Boolean))} (every dataset measured)` : `not judged: ${r.why("export")}`,
  };
}

/** Issue 16's rows, in its order. */
export function summaryRows(run: Run): Row[] {
  const r = new Reader(run);
  const rows = [
    homeRow(r),
    actorRow(r),
    mapSvgRow(r),
    networkViewRow(r),
    networkDrawRow(r),
    recolourRow(r),
    firstLoadRow(r),
    lighthouseRow(r),
    apiRow(r),
    postgresRow(r),
    exportRow(r),
  ];
  // A row with figures still names a step of its that failed later (its other figures may be missing).
  const sources: Record<string, string[]> = {
    "`/` HTML": ["growth", "dashboard"],
    "map export SVG": ["growth", "export"],
    "recolour on a date change": ["growth", "dashboard"],
    "first-load JS `/`": ["first-load", "dashboard"],
  };
  for (const row of rows) {
    const failed = r.failures(sources[row.measure] ?? []).filter((f) => !row.now.includes(f));
    if (failed.length) row.now += ` [${failed.join("; ")}]`;
  }
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The table as Markdown (one line per row), to print and to quote in the issue's closing note. */
export function formatSummary(run: Run, title: string): string {
  const rows = summaryRows(run);
  const header = ["measure", "before (as the issue recorded it)", "this run", "same-run baseline", "load (1 / 5 min)", "goal", "verdict"];
  const lines = [
    `## ${title}`,
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map(
      (row) =>
        `| ${[row.measure, row.before, row.now, row.baseline, row.load || "no figure measured", row.goal, row.verdict].map(cell).join(" | ")} |`,
    ),
    "",
    "Steps:",
    ...STEPS.map((step) => {
      const problem = run.problems.get(step);
      if (problem) return `- ${step}: ${problem.status}: ${problem.reason}`;
      const parts = [...run.parts.keys()].filter((k) => k === step || k.startsWith(`${step}-`));
      return parts.length ? `- ${step}: recorded ${parts.join(", ")}` : `- ${step}: did not run`;
    }),
    "",
    "The machine is shared: read every figure with the load beside it.",
  ];
  const flood = run.parts.get("flood");
  if (flood) {
    const f = (n: string) => flood.figures[n];
    const p95 = f("40-one-client.light.p95ratio");
    lines.push(
      "",
      `Also measured (not a row of the issue's table): light requests during 40 parallel exports, p95 ${p95 ? showFigure(p95) : "not measured"} of unloaded; server peak memory ${f("rss.hwm") ? showFigure(f("rss.hwm") as Figure) : "not measured"} (load ${showLoad(flood.load)}).`,
    );
  }
  return lines.join("\n");
}
