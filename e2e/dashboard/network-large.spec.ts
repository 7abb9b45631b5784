// A network past the SVG limit, on a synthetic dataset of this spec's own: the shared server holds the
// shipped dataset (24 reactions), so this spec writes 3,000 reactions with `npm run db:synth` and starts a
// second production server on the next port, its network capped at 2,000 reactions, so that the cap bites.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { PNG } from "pngjs";

const root = join(import.meta.dirname, "..", "..");
const port = Number(process.env.STANCEMAP_E2E_PORT ?? 3100) + 1;
const base = `http://127.0.0.1:${port}`;
const dir = join(import.meta.dirname, "..", ".tmp", `network-large-${process.pid}`);
const CAP = 2000;
const REACTIONS = 3000;
let server: ChildProcess | null = null;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "synth.db");
  execFileSync(
    "npm",
    ["run", "db:synth", "--", "--url", `file:${file}`, "--actors", "400", "--states", "60", "--stances", "400"].concat([
      "--reactions",
      String(REACTIONS),
      "--events",
      "20",
    ]),
    { cwd: root, stdio: "ignore" },
  );
  server = spawn(join(root, "node_modules", ".bin", "tsx"), ["server.ts"], {
    cwd: join(root, "apps", "web"),
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      PORT: String(port),
      STANCEMAP_HOST: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      STANCEMAP_NETWORK_MAX_REACTIONS: String(CAP),
    },
    stdio: "ignore",
  });
  await expect(async () => {
    expect((await fetch(`${base}/api/health/live`)).ok).toBe(true);
  }).toPass({ intervals: [500], timeout: 180_000 });
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Pixels of the drawing that differ from its top-left corner's (the background): what WebGL (or the canvas) drew. */
async function drawnPixels(page: Page, selector = ".net-webgl"): Promise<number> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  const [r, g, b] = [png.data[0], png.data[1], png.data[2]];
  let drawn = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] !== r || png.data[i + 1] !== g || png.data[i + 2] !== b) drawn++;
  return drawn;
}

/**
 * This browser draws WebGL in software (SwiftShader: no GPU here), where the page draws large networks on a
 * 2D canvas instead (lib/webgl-support.ts). A reader with a GPU gets sigma's WebGL: the page is told it has one
 * by the name WebGL reports for its renderer, which is all the page reads to choose.
 */
async function withGpu(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const UNMASKED_RENDERER = 0x9246;
    const real = WebGL2RenderingContext.prototype.getParameter;
    WebGL2RenderingContext.prototype.getParameter = function (this: WebGL2RenderingContext, name: number) {
      return name === UNMASKED_RENDERER ? "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)" : real.call(this, name);
    };
  });
}

test("without a GPU, a network past the SVG limit is drawn on a 2D canvas, and the view says why", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${base}/?view=network&date=2030-01-01`);
  await expect(page.locator("canvas.net-canvas")).toBeVisible();
  await expect(page.locator(".net-counts")).toContainText("Drawn on a 2D canvas: this browser draws WebGL in software");
  expect(await page.locator(".net-webgl").count()).toBe(0);
  await expect
    .poll(() => page.evaluate(() => (window as { __stancemapNetwork?: { renderer: string } }).__stancemapNetwork?.renderer))
    .toBe("canvas");
  await expect.poll(() => drawnPixels(page, "canvas.net-canvas"), { timeout: 60_000 }).toBeGreaterThan(2000);

  // Hovering a node lights it and its neighbours over a veiled copy of the last full drawing: the
  // thousands of edges are not drawn again for it.
  type Stats = { settled: number | null; draws: number; overlays: number };
  const stats = () => page.evaluate(() => (window as { __stancemapNetwork?: Stats }).__stancemapNetwork as Stats);
  await expect.poll(async () => (await stats()).settled, { timeout: 120_000 }).not.toBeNull();
  const canvas = page.locator("canvas.net-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("no canvas box");
  // The drawing after the layout settles (with labels) may still be on its way: wait until two frames
  // pass without a full drawing.
  let draws = -1;
  await expect
    .poll(async () => {
      const now = await page.evaluate(
        () =>
          new Promise<number>((done) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => done((window as { __stancemapNetwork?: Stats }).__stancemapNetwork?.draws ?? 0)),
            ),
          ),
      );
      const still = now === draws;
      draws = now;
      return still;
    })
    .toBe(true);
  const before = await stats();
  const tip = page.locator(".net-tip");
  let hovered = false;
  for (let y = box.y + box.height * 0.3; y < box.y + box.height * 0.7 && !hovered; y += 6)
    for (let x = box.x + box.width * 0.3; x < box.x + box.width * 0.7 && !hovered; x += 4) {
      await page.mouse.move(x, y);
      hovered = (await tip.count()) > 0;
    }
  expect(hovered).toBe(true);
  await expect(tip).toContainText(/reactions? (given|received)/);
  await expect.poll(async () => (await stats()).overlays).toBeGreaterThan(before.overlays);
  expect((await stats()).draws).toBe(before.draws);
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  await expect(tip).toHaveCount(0);
});

test("a reader opens a network past the SVG limit: WebGL draws it, and it says the oldest reactions were left out", async ({ page }) => {
  test.setTimeout(180_000);
  await withGpu(page);
  await page.goto(`${base}/?view=network&date=2030-01-01`);
  const note = page.getByTestId("network-truncated");
  await expect(note).toContainText(
    /^Showing the 2,000 newest of 3,000 reactions \(from \d{1,2} \w+ 20\d\d on\); older ones are left out\./,
  );
  await expect(note).toContainText("Narrow by date, sentiment or kind");
  // The note is in the live region that counts what is shown.
  await expect(page.locator(".net-counts[aria-live=polite]")).toContainText("2,000 newest");
  // sigma's WebGL canvas, not SVG elements nor the 2D canvas.
  await expect(page.locator(".net-webgl canvas").first()).toBeVisible();
  expect(await page.locator(".net-svg").count()).toBe(0);
  await expect(page.locator(".net-webgl")).toHaveAttribute("data-settled", "true", { timeout: 120_000 });
  const stats = await page.evaluate(() => (window as { __stancemapNetwork?: { renderer: string; edges: number } }).__stancemapNetwork);
  expect(stats).toMatchObject({ renderer: "webgl", edges: CAP });
  await expect.poll(() => drawnPixels(page), { timeout: 30_000 }).toBeGreaterThan(2000);

  // The table says what was left out too.
  await page.locator("#network-table summary").click();
  await expect(page.locator("#network-table")).toContainText("Showing the 2,000 newest of 3,000 reactions");
});

test("narrowing by date or sentiment asks for the newest in that scope, and nothing is left out once it fits", async ({ page }) => {
  test.setTimeout(180_000);
  // Up to mid-2022 the synthetic data hold a few hundred reactions: all of them fit.
  await page.goto(`${base}/?view=network&date=2022-06-01`);
  await expect(page.locator(".net-counts strong")).toContainText(/\d reactions?$/);
  await expect(page.getByTestId("network-truncated")).toHaveCount(0, { timeout: 30_000 });
  const shown = Number((await page.locator(".net-counts strong").textContent())?.match(/([\d,]+) reactions?$/)?.[1]?.replace(/,/g, ""));
  // The count is the server's: every reaction that counts from 1 June 2022 or earlier.
  let all = 0;
  let cursor: string | null = null;
  do {
    const page_ = (await (
      await fetch(`${base}/api/v1/reactions?to=2022-06-01&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
    ).json()) as { data: unknown[]; page: { nextCursor: string | null } };
    all += page_.data.length;
    cursor = page_.page.nextCursor;
  } while (cursor);
  expect(shown).toBe(all);

  // All dates, only critical reactions: about a quarter of 3,000, under the cap.
  await page.goto(`${base}/?view=network&date=2030-01-01`);
  await expect(page.getByTestId("network-truncated")).toBeVisible();
  await page.getByRole("button", { name: /^Critical/ }).click();
  await expect(page.getByTestId("network-truncated")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator(".net-counts strong")).toContainText(/[1-9][\d,]* reactions$/);
});
