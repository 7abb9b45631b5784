// The timeline tells the story: Play goes from one dated fact to the next and stays there to be read;
// the marks of one day are stacked and listed, none hidden under another; the axis ends with the facts.
// What counts as a fact here is read from the shipped dataset, not written into the test, and the pages
// are pinned to revision 1 (the dataset's first load), so specs publishing in parallel change neither.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";

const POSTURE = "posture-toward-taliban-government";

/** The last day an EDTF date covers, as the timeline shows it (an open interval at its known end). */
function lastDay(edtf: string): string {
  const [a = "", b] = edtf.split("/");
  if (b !== undefined) return lastDay(b === ".." ? a : b);
  const d = edtf.replace(/^\.\./, "").replace(/[~?%]$/, "");
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  if (/^\d{4}-\d{2}$/.test(d)) {
    const [y, m] = d.split("-").map(Number) as [number, number];
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  if (/^\d{4}$/.test(d)) return `${d}-12-31`;
  throw new Error(`an EDTF date this test does not read: ${edtf}`);
}

interface ApiEvent {
  slug: string;
  date: string;
}
interface ApiStance {
  id: string;
  validFrom?: string | null;
  topic: string;
  validUntil?: string | null;
}

const shipped = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../../prisma/dataset/${file}`, import.meta.url), "utf8")) as T;

/** The topic's dated facts as first loaded (revision 1): every event, and every stance change (a stance
 * with a stated start or end). */
async function facts() {
  const events = shipped<ApiEvent[]>("events.json");
  const stances = shipped<ApiStance[]>("stances.json").filter((s) => s.topic === POSTURE);
  const changes = stances.flatMap((s) => [s.validFrom, s.validUntil].filter((d): d is string => typeof d === "string" && d.length > 0));
  return { events, stances, dates: [...events.map((e) => e.date), ...changes] };
}

const urlDate = (page: Page) => new URL(page.url()).searchParams.get("date");
/** Opens a page and waits until the timeline is live: measured in the browser, its handlers attached. */
async function open(page: Page, path: string) {
  await page.goto(`${path}&revision=1`);
  await expect(page.locator("svg.timeline-chart[data-measured]")).toBeVisible();
}

test.describe("a timeline that shows the story", () => {
  test("Play goes from 1 June 2025 to the next dated fact, stays there, and goes on only to facts", async ({ page }) => {
    const { dates } = await facts();
    const stops = [...new Set(dates.map(lastDay))].sort();
    const next = stops.find((d) => d > "2025-06-01") as string;
    const after = stops.find((d) => d > next);
    expect(next).toBeDefined();

    // Every date the page writes to its address, in order: polling the URL could miss a stop on a busy machine.
    await page.addInitScript(() => {
      const w = window as unknown as { __dates: string[] };
      w.__dates = [];
      for (const k of ["pushState", "replaceState"] as const) {
        const original = history[k].bind(history);
        history[k] = (state: unknown, unused: string, url?: string | URL | null) => {
          const d = url ? new URL(String(url), location.href).searchParams.get("date") : null;
          if (d && d !== w.__dates[w.__dates.length - 1]) w.__dates.push(d);
          return original(state, unused, url);
        };
      }
    });
    const written = () => page.evaluate(() => (window as unknown as { __dates: string[] }).__dates.filter((d) => d !== "2025-06-01"));
    await open(page, `/?topic=${POSTURE}&date=2025-06-01`);
    // Reached by keyboard: focus, then Enter.
    await page.getByRole("button", { name: "Play" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
    // First the next fact's day: not 14 days on.
    await expect.poll(async () => (await written())[0]).toBe(next);
    expect(next).not.toBe("2025-06-15");
    // It stays on the fact a while (the pause is seconds), then moves to the next fact and nowhere else.
    if (after) {
      await expect.poll(async () => (await written()).includes(after), { timeout: 30_000 }).toBe(true);
      const seq = await written();
      expect(seq.slice(0, 2)).toEqual([next, after]);
      for (const d of seq) expect(stops).toContain(d);
    }
    // Pause keeps the date; Stop goes back to where Play started.
    // Pause (unless a busy machine let Play reach the last fact and end by itself meanwhile).
    const pause = page.getByRole("button", { name: "Pause" });
    if (await pause.isVisible()) await pause.click({ timeout: 5_000 }).catch(() => undefined);
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
    // The day's list below the chart follows the date Play stopped on.
    await expect.poll(async () => (await page.locator(".timeline-day").getAttribute("data-date")) === urlDate(page)).toBe(true);
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => urlDate(page)).toBe("2025-06-01");
  });

  test("Play has a speed control, and the slider's arrow keys still step by a day", async ({ page }) => {
    await open(page, `/?topic=${POSTURE}&date=2025-06-01`);
    const speed = page.getByLabel("Speed");
    await expect(speed.locator("option")).toHaveText(["0.5×", "1×", "2×"]);
    await speed.selectOption("2");
    await expect(speed).toHaveValue("2");
    const slider = page.getByRole("slider", { name: "Date" });
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => urlDate(page)).toBe("2025-06-02");
    await expect(slider).toHaveAttribute("aria-valuetext", "2 June 2025");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => urlDate(page)).toBe("2025-05-31");
  });

  test("every fact of 3 July 2025 is drawn apart from the others and listed in the day's group", async ({ page }) => {
    const { events, stances } = await facts();
    const onDay = (d: string | null | undefined) => d === "2025-07-03" || d === "../2025-07-03";
    const expected = [
      ...events.filter((e) => onDay(e.date)).map((e) => `e:${e.slug}`),
      ...stances.filter((s) => onDay(s.validFrom)).map((s) => s.id),
    ];
    expect(expected.length).toBeGreaterThan(1);

    await page.setViewportSize({ width: 1440, height: 900 });
    await open(page, `/?topic=${POSTURE}&date=2025-07-03`);
    const marks = page.locator('.timeline-chart .mark[data-date="2025-07-03"], .timeline-chart .mark[data-date="../2025-07-03"]');
    await expect(marks).toHaveCount(expected.length);
    const boxes = await marks.evaluateAll((els) =>
      els.map((el) => {
        const shape = el.querySelector("circle, rect:not(.span)") as SVGGraphicsElement;
        const r = shape.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    // No mark under another: their shapes do not overlap.
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as (typeof boxes)[number];
        const b = boxes[j] as (typeof boxes)[number];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `marks ${i} and ${j} of 3 July overlap`).toBe(false);
      }

    // The group's count opens its list by keyboard; Escape closes it and gives the focus back.
    const group = page.locator('.mark-group[data-dates~="2025-07-03"]');
    await expect(group).toHaveCount(1);
    expect(Number(await group.getAttribute("data-count"))).toBeGreaterThanOrEqual(expected.length);
    await group.focus();
    await page.keyboard.press("Enter");
    const list = page.getByRole("dialog", { name: /^3 July 2025/ });
    await expect(list).toBeVisible();
    await expect(group).toHaveAttribute("aria-expanded", "true");
    const listed = await list.locator("li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-id")));
    // A stance change is listed under its stance's key ("s:" and the API's id).
    for (const id of expected)
      expect(
        listed.some((l) => l === id || l === `s:${id}`),
        id,
      ).toBe(true);
    await expect(list.locator("button").first()).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(list).toHaveCount(0);
    await expect(group).toBeFocused();
  });

  test("the axis ends with the last dated fact, not today, until extended to today", async ({ page }) => {
    const { dates } = await facts();
    const last = dates.map(lastDay).sort().at(-1) as string;
    await open(page, `/?topic=${POSTURE}&date=2025-06-01`);
    const chart = page.locator("svg.timeline-chart");
    const today = (await page.getByLabel("As of").getAttribute("max")) as string;
    expect(last < today).toBe(true);
    const end = (await chart.getAttribute("data-end")) as string;
    expect(end >= last).toBe(true);
    expect(end < today).toBe(true);
    // The earliest fact is on the axis too (on its compact "earlier" segment).
    const first = dates.map((d) => lastDay(d)).sort()[0] as string;
    expect(((await chart.getAttribute("data-start")) as string) <= first).toBe(true);

    await page.getByRole("button", { name: "Extend to today" }).click();
    await expect(chart).toHaveAttribute("data-end", today);
    await page.getByRole("button", { name: "End at the last fact" }).click();
    await expect(chart).toHaveAttribute("data-end", end);
  });

  test("with reduced motion the cursor jumps to the date instead of gliding", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`/?topic=${POSTURE}&date=2025-06-01`);
    await expect(page.locator(".timeline-chart .cursor")).toHaveCSS("transition-duration", "0s");
  });
});
