import { expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

const RECOGNITION = "russia-recognises-islamic-emirate";
const edge = (page: Page, source: string, target = RECOGNITION) =>
  page.locator(`.net-edge[data-source="${source}"][data-target="${target}"]`);
const koofiName = "Fawzia Koofi → Russia recognises the Islamic Emirate of Afghanistan: critical";

/** The node's box once the forces have stopped moving it (after a release the layout runs again). */
async function restingBox(node: Locator) {
  let last = await node.boundingBox();
  let resting: typeof last = null;
  // Two reads 150 ms apart within half a pixel; on a loaded machine the layout takes longer, up to 45 s.
  await expect(async () => {
    const now = await node.boundingBox();
    const still = last && now && Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5;
    last = now;
    expect(still, "the node is still moving").toBe(true);
    resting = now;
  }).toPass({ intervals: [150], timeout: 45_000 });
  if (!resting) throw new Error("the node kept moving");
  return resting as NonNullable<typeof last>;
}

/** Waits until the layout worker has settled the graph. */
async function settled(page: Page) {
  await page.waitForFunction(() => (window as { __stancemapNetwork?: { settled: number | null } }).__stancemapNetwork?.settled != null);
}

test.describe("reaction network", () => {
  test("shows Fawzia Koofi's critical reaction to Russia's recognition, drawn by a layout worker", async ({ page }) => {
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto("/?view=network&date=2025-12-31");
    const koofi = page.getByRole("img", { name: koofiName, exact: true });
    await expect(koofi).toHaveAttribute("data-sentiment", "critical");
    // The sources date her reaction only to the days after the recognition: "3 July 2025 – 5 July 2025".
    await expect(koofi).toHaveAccessibleDescription("3 July 2025 – 5 July 2025");
    await expect(koofi).toHaveAttribute("data-source", "fawzia-koofi");
    await expect(koofi).toHaveAttribute("data-target", RECOGNITION);
    // Coloured as critical (Okabe–Ito vermillion, #D55E00), line and arrowhead.
    await expect(koofi.locator(".net-line")).toHaveCSS("stroke", "rgb(213, 94, 0)");
    await expect(koofi.locator(".net-arrow")).toHaveCSS("fill", "rgb(213, 94, 0)");
    await expect(page.getByRole("button", { name: "Fawzia Koofi: 1 reaction given, 0 received" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: /^Event: Russia recognises the Islamic Emirate of Afghanistan, 3 July 2025: \d+ reactions received$/ }),
    ).toBeVisible();
    await expect(page.locator(".net-counts")).toContainText("21 actors and 3 events, 24 reactions");

    await settled(page);
    expect(workers.length).toBeGreaterThan(0);
    // The arrow points at the event: its tip is nearer the event's centre than the line's start is.
    const centre = async (selector: string) => {
      const box = await page.locator(selector).boundingBox();
      if (!box) throw new Error(`no box for ${selector}`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const event = await centre(`.net-node[data-node="${RECOGNITION}"]`);
    const person = await centre('.net-node[data-node="fawzia-koofi"]');
    const arrow = await centre(`${'.net-edge[data-source="fawzia-koofi"]'} .net-arrow`);
    expect(Math.hypot(arrow.x - event.x, arrow.y - event.y)).toBeLessThan(Math.hypot(arrow.x - person.x, arrow.y - person.y));
  });

  test("filtering by sentiment through the buttons hides Koofi's edge, keeps Muttaqi's, and survives a reload", async ({ page }) => {
    await page.goto("/?view=network&date=2025-12-31");
    await expect(edge(page, "fawzia-koofi")).toHaveCount(1);
    const supportive = page.getByRole("group", { name: "Sentiment" }).getByRole("button", { name: /^Supportive/ });
    await supportive.click();
    await expect(supportive).toHaveAttribute("aria-pressed", "true");
    await expect(edge(page, "fawzia-koofi")).toHaveCount(0);
    await expect(edge(page, "amir-khan-muttaqi")).toHaveAttribute("data-sentiment", "supportive");
    await expect(page).toHaveURL(/[?&]sent=supportive(&|$)/);
    await expect(page.locator(".net-edge:not([data-sentiment=supportive])")).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole("group", { name: "Sentiment" }).getByRole("button", { name: /^Supportive/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(edge(page, "amir-khan-muttaqi")).toHaveCount(1);
    await expect(edge(page, "fawzia-koofi")).toHaveCount(0);

    // Back restores the unfiltered network.
    await page.goBack();
    await expect(edge(page, "fawzia-koofi")).toHaveCount(1);
  });

  test("filtering by the reacting actor's kind keeps only people's reactions", async ({ page }) => {
    await page.goto("/?view=network&date=2025-12-31");
    await page
      .getByRole("group", { name: "Reacting actor" })
      .getByRole("button", { name: /^People/ })
      .click();
    await expect(page).toHaveURL(/[?&]nkind=person(&|$)/);
    await expect(edge(page, "fawzia-koofi")).toHaveCount(1);
    await expect(edge(page, "pakistan")).toHaveCount(0);
    await page.getByRole("button", { name: "Show all reactions" }).first().click();
    await expect(edge(page, "pakistan")).toHaveCount(1);
    await expect(page).not.toHaveURL(/nkind=/);
  });

  test("the network grows with the date: before 3 July 2025 there is no edge from Koofi", async ({ page }) => {
    await page.goto("/?view=network&date=2025-06-01");
    await expect(edge(page, "vladimir-putin", "islamic-emirate-of-afghanistan")).toHaveCount(1);
    await expect(edge(page, "fawzia-koofi")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Fawzia Koofi:/ })).toHaveCount(0);

    // Moving the date on the page (no reload) brings the reactions of 3–5 July 2025 in.
    await page.getByLabel("As of").fill("2025-07-10");
    await expect(edge(page, "fawzia-koofi")).toHaveCount(1);
    await expect(page).toHaveURL(/date=2025-07-10/);
  });

  test("keyboard: Tab reaches the Fawzia Koofi node and Enter opens her panel", async ({ page }) => {
    await page.goto("/?view=network&date=2025-12-31");
    const node = page.getByRole("button", { name: "Fawzia Koofi: 1 reaction given, 0 received" });
    await expect(node).toBeVisible();
    await settled(page);
    const posted = () => page.evaluate(() => (window as { __stancemapNetwork?: { posted: number } }).__stancemapNetwork?.posted);
    const layoutStartedAt = await posted();
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await node.evaluate((el) => el === document.activeElement);
    }
    expect(found).toBe(true);
    // Focus shows the tooltip, as hover does.
    await expect(page.locator(".net-tip")).toContainText("1 reaction given, 0 received");
    await page.keyboard.press("Enter");
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    await expect(panel.getByRole("heading", { level: 2, name: "Fawzia Koofi" })).toBeVisible();
    await expect(page).toHaveURL(/actor=fawzia-koofi/);
    await expect(node).toHaveAttribute("aria-pressed", "true");
    // Selecting does not start the layout again.
    await page.waitForTimeout(300);
    expect(await posted()).toBe(layoutStartedAt);
  });

  test("hover highlights a node's neighbours and dims the rest", async ({ page }) => {
    await page.goto("/?view=network&date=2025-12-31");
    await settled(page);
    await page.locator('.net-node[data-node="fawzia-koofi"]').hover();
    await expect(page.locator(".net-tip")).toContainText("Fawzia Koofi");
    await expect(page.locator(".net-tip")).toContainText("Person");
    await expect(edge(page, "fawzia-koofi")).toHaveClass(/is-hl/);
    await expect(page.locator(`.net-node[data-node="${RECOGNITION}"]`)).toHaveClass(/is-hl/);
    await expect(edge(page, "amir-khan-muttaqi")).toHaveCSS("opacity", "0.08");
    await page.mouse.move(5, 5);
    await expect(page.locator(".net-tip")).toHaveCount(0);
  });

  test("dragging a node pins it where it is dropped, without selecting it", async ({ page }) => {
    test.slow(); // three drags with stepped mouse moves and two layouts: over 60 s at load 30
    await page.goto("/?view=network&date=2025-12-31");
    await settled(page);
    const node = page.locator('.net-node[data-node="dmitry-zhirnov"]');
    await page.locator(".net-chart").scrollIntoViewIfNeeded();
    const before = await node.boundingBox();
    if (!before) throw new Error("no node");
    const x = before.x + before.width / 2;
    const y = before.y + before.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y + 30, { steps: 5 });
    await page.mouse.move(x + 80, y + 60, { steps: 5 });
    await page.mouse.up();
    await expect(page.locator(".net-status")).toContainText("1 pinned");
    await page.waitForTimeout(300);
    const after = await node.boundingBox();
    if (!after) throw new Error("no node");
    expect(Math.abs(after.x + after.width / 2 - (x + 80))).toBeLessThan(3);
    expect(Math.abs(after.y + after.height / 2 - (y + 60))).toBeLessThan(3);
    await expect(page.getByRole("complementary", { name: "Selected actor" })).toHaveCount(0);
    // "Release" lets it go back to the forces; dragging pins it again.
    await page.getByRole("button", { name: "Release 1 pinned" }).click();
    await expect(page.locator(".net-status")).not.toContainText("pinned");
    await expect(page.getByRole("button", { name: /^Release/ })).toHaveCount(0);
    const released = await restingBox(node);
    await page.mouse.move(released.x + released.width / 2, released.y + released.height / 2);
    await page.mouse.down();
    await page.mouse.move(x + 60, y + 60, { steps: 5 });
    await page.mouse.up();
    await expect(page.locator(".net-status")).toContainText("1 pinned");
    // Reset releases the pins and lays the network out again, as it was.
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(page.locator(".net-status")).not.toContainText("pinned");
    await expect.poll(async () => (await node.boundingBox())?.x).toBeCloseTo(before.x, 0);
    // A plain click selects.
    await node.click();
    await expect(page.getByRole("complementary", { name: "Selected actor" }).getByRole("heading", { level: 2 })).toHaveText(
      "Dmitry Zhirnov",
    );
  });

  test("a page that opens on a small network draws it settled, laid out by the server as the worker would", async ({ page }) => {
    await page.goto("/?view=network&date=2025-12-31");
    await settled(page);
    // No layout ran in the browser: the page carried the settled positions.
    expect(await page.evaluate(() => (window as { __stancemapNetwork?: { ticks: number } }).__stancemapNetwork?.ticks)).toBe(0);
    const at = () =>
      page
        .locator(".net-node")
        .evaluateAll((els) =>
          Object.fromEntries(
            els.map((el) => [el.getAttribute("data-node"), (el.getAttribute("transform")?.match(/-?[\d.]+/g) ?? []).map(Number)]),
          ),
        ) as Promise<Record<string, number[]>>;
    const served = await at();
    expect(Object.keys(served)).toHaveLength(24);
    // Reset lays it out afresh in the worker (ticks > 0): it settles where the server put it.
    await page.getByRole("button", { name: "Reset" }).click();
    await page.waitForFunction(() => {
      const n = (window as { __stancemapNetwork?: { ticks: number; settled: number | null } }).__stancemapNetwork;
      return n !== undefined && n.ticks > 0 && n.settled != null;
    });
    const laid = await at();
    for (const [node, [x, y]] of Object.entries(served)) {
      expect(Math.abs((laid[node]?.[0] ?? Number.NaN) - (x ?? Number.NaN)), node).toBeLessThan(0.05);
      expect(Math.abs((laid[node]?.[1] ?? Number.NaN) - (y ?? Number.NaN)), node).toBeLessThan(0.05);
    }
  });

  test("the layout is the same on every load (seeded)", async ({ page }) => {
    const positions = async () => {
      await page.goto("/?view=network&date=2025-12-31");
      await settled(page);
      return page
        .locator(".net-node")
        .evaluateAll((els) => els.map((el) => `${el.getAttribute("data-node")}@${el.getAttribute("transform")}`));
    };
    const first = await positions();
    expect(first).toHaveLength(24);
    expect(await positions()).toEqual(first);
  });

  test("a page that opens on the network draws it without the stance index, and keeps its layout when the index comes", async ({
    page,
    request,
  }) => {
    // The server's HTML carries the network's counts and edges (its reactions and the actors they name).
    const html = await (await request.get("/?view=network&date=2025-12-31")).text();
    expect(html).toContain("21 actors and 3 events, 24 reactions");
    expect(html).toContain(`aria-label="${koofiName}"`);

    // The stance index (every actor and stance; megabytes at thousands of actors) is held back.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = false;
    await page.route("**/data/stance-index/**", async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto("/?view=network&date=2025-12-31");
    await expect(page.getByRole("img", { name: koofiName, exact: true })).toBeVisible();
    await settled(page);
    await expect.poll(() => asked).toBe(true);
    await expect(page.locator(".timeline-loading")).toContainText("Loading the timeline…");
    const posted = () => page.evaluate(() => (window as { __stancemapNetwork?: { posted: number } }).__stancemapNetwork?.posted);
    const before = await posted();
    expect(before).toBeGreaterThan(0);

    // An actor selected meanwhile: its panel waits for every actor (its people and what they said).
    await page.getByRole("button", { name: "Fawzia Koofi: 1 reaction given, 0 received" }).click();
    const panel = page.getByRole("complementary", { name: "Selected actor" });
    await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Fawzia Koofi");
    await expect(panel.getByText("Loading…")).toBeVisible();

    // With every actor in, the graph is the same, so the layout is not set going again.
    release();
    await expect(page.locator(".timeline-chart")).toBeVisible();
    await expect(panel.getByText("Loading…")).toHaveCount(0);
    await expect(panel).toContainText("Former MP Fawzia Koofi condemned Russia's decision");
    await expect(page.locator(".net-counts")).toContainText("21 actors and 3 events, 24 reactions");
    expect(await posted()).toBe(before);
  });

  test("the table lists the reactions shown, and selects an actor", async ({ page }) => {
    await page.goto("/?view=network&date=2025-12-31&sent=critical");
    await page.getByText("The 11 reactions shown, as a table").click();
    const table = page.locator("#network-table table");
    await expect(table.locator("tbody tr")).toHaveCount(11);
    const row = table.locator("tbody tr", { hasText: "Fawzia Koofi" });
    await expect(row).toContainText("Russia recognises the Islamic Emirate of Afghanistan");
    await expect(row).toContainText("3 July 2025 – 5 July 2025");
    await expect(row).toContainText("Critical");
    await row.getByRole("button", { name: "Fawzia Koofi" }).click();
    await expect(page.getByRole("complementary", { name: "Selected actor" }).getByRole("heading", { level: 2 })).toHaveText("Fawzia Koofi");
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto("/?view=network&date=2025-12-31");
      await settled(page);
      const serious = await seriousViolations(page, ".network");
      expect(serious).toEqual([]);
      await context.close();
    });
  }
});
