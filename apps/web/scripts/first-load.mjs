// What a route's HTML makes the browser fetch before the page is interactive, read from the build's own
// manifests (Turbopack): the root main files every page loads, plus the chunks and stylesheets of the
// route's layouts and page (its client reference manifest). Chunks loaded later by `import()` or
// next/dynamic are not in these lists, which is the point of splitting them out.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/** Routes the budget and the benchmark report, by their URL and their app directory entry. */
export const ROUTES = [
  { url: "/", entry: "/page" },
  { url: "/actors/[slug]", entry: "/actors/[slug]/page" },
  { url: "/admin", entry: "/admin/(signed-in)/page" },
  { url: "/admin/sign-in", entry: "/admin/sign-in/page" },
];

/** Issue 16's goal for `/`'s first-load JavaScript, gzipped (the size budget and the bench summary judge by it). */
export const FIRST_LOAD_GOAL = 150_000;
/** Noto Sans's own rules (Latin, Cyrillic, Greek…); the Arabic and Chinese subsets add 5 and 101, and
 * belong only to pages whose text needs them. */
export const MAX_FONT_FACES = 8;

/** gzip at the level servers use by default (6), as the browser receives a compressed response. */
const gz = (bytes) => gzipSync(bytes, { level: 6 }).length;

function clientManifest(distDir, entry) {
  const file = join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`${file} holds no manifest for ${entry}`);
  return manifest;
}

/**
 * The first-load files of one route: JavaScript (root main files, then the route's layouts and page)
 * and stylesheets, each with its size, gzipped size and, for CSS, its number of @font-face rules.
 */
export function firstLoad(distDir, entry) {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8"));
  const manifest = clientManifest(distDir, entry);
  // Only this app's segments (layouts, the page): Next's built-in error pages are not loaded up front.
  const own = (key) => key.startsWith("[project]/apps/web/app/");
  const js = new Set(build.rootMainFiles);
  const css = new Set();
  for (const [key, files] of Object.entries(manifest.entryJSFiles ?? {})) if (own(key)) for (const f of files) js.add(f);
  for (const [key, files] of Object.entries(manifest.entryCSSFiles ?? {}))
    if (own(key)) for (const f of files) if (!f.inlined) css.add(f.path);
  const measure = (file) => {
    const bytes = readFileSync(join(distDir, file));
    return { file, bytes: bytes.length, gz: gz(bytes) };
  };
  return {
    js: [...js].map(measure),
    css: [...css].map((file) => {
      const m = measure(file);
      return { ...m, fontFaces: (readFileSync(join(distDir, file), "utf8").match(/@font-face/g) ?? []).length };
    }),
  };
}

/**
 * What a route hydrates right after its shell: the chunks of the `next/dynamic` component whose module
 * exports `exportName` (the dashboard of `/`, LazyDashboard). The server renders it into the HTML and
 * preloads these chunks; they are fetched at once but run after the first-load scripts, so they are not
 * first-load JavaScript — the budget counts them apart, with a limit of their own. Files already in the
 * first load are not counted twice.
 */
export function afterShell(distDir, entry, exportName) {
  const file = join(distDir, "server", "app", entry, "react-loadable-manifest.json");
  const loadable = JSON.parse(readFileSync(file, "utf8"));
  const first = new Set(firstLoad(distDir, entry).js.map((f) => f.file));
  const marker = `"${exportName}"`;
  // The manifest also names chunks of components this build never emits for the browser; skip those.
  const holds = (f) => f.endsWith(".js") && existsSync(join(distDir, f)) && readFileSync(join(distDir, f), "utf8").includes(marker);
  const found = Object.values(loadable).find((m) => m.files.some(holds));
  if (!found) throw new Error(`no lazily loaded chunk of ${entry} exports ${exportName} (${file})`);
  return found.files
    .filter((f) => f.endsWith(".js") && !first.has(f))
    .map((f) => {
      const bytes = readFileSync(join(distDir, f));
      return { file: f, bytes: bytes.length, gz: gz(bytes) };
    });
}

export const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
