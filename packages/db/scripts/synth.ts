// `npm run db:synth -- [--actors N] [--states N] [--reactions N] [--stances N] [--seed N] [--url URL]`
// Writes a deterministic synthetic dataset into a fresh database (default: data/synth.db, replaced).
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../src/client";
import { loadDataset } from "../src/dataset";
import { findRepoRoot, sqlitePath } from "../src/env";
import { migrate } from "../src/migrate";
import { SYNTH_DEFAULTS, writeSynthetic } from "../src/synth";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    seed: { type: "string" },
    states: { type: "string" },
    actors: { type: "string" },
    reactions: { type: "string" },
    stances: { type: "string" },
    events: { type: "string" },
  },
});
const num = (v: string | undefined, d: number) => {
  if (v === undefined) return d;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${v}`);
  return n;
};
const url = values.url ?? `file:${join(findRepoRoot(), "data", "synth.db")}`;
if (url.startsWith("file:")) for (const suffix of ["", "-wal", "-shm"]) rmSync(sqlitePath(url) + suffix, { force: true });
else console.warn("db:synth: writing into an existing PostgreSQL database; it should be empty");

// Real ISO numeric codes (Natural Earth's 50m countries) so synthetic states colour the real map.
const atlas = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-50m.json"), "utf8")) as {
  objects: { countries: { geometries: { id?: string }[] } };
};
const stateCodes = atlas.objects.countries.geometries.flatMap((g) => (g.id ? [g.id] : []));

await migrate(url);
const db = createDb(url);
const started = performance.now();
try {
  const counts = await writeSynthetic(db, loadDataset().topics, {
    seed: num(values.seed, SYNTH_DEFAULTS.seed),
    states: num(values.states, SYNTH_DEFAULTS.states),
    actors: num(values.actors, SYNTH_DEFAULTS.actors),
    reactions: num(values.reactions, SYNTH_DEFAULTS.reactions),
    stances: num(values.stances, SYNTH_DEFAULTS.stances),
    events: num(values.events, SYNTH_DEFAULTS.events),
    stateCodes,
  });
  console.log(`db:synth: ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${url}`);
} finally {
  await db.close();
}
