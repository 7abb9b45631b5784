// The analyst's two questions: what changed between two dates (?view=change) and who followed whom
// (?view=sequence). Which postures are attested only is read from the API, never hard-coded here.
import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

const POSTURE = "posture-toward-taliban-government";

interface ApiStance {
  id: string;
  actor: string;
  topic: string;
  category: string;
  validFrom?: string | null;
  attested: string;
  evidence: { source: string; quote?: { text: string } }[];
}

/** Actors whose every posture stance is known only from its attestation (no stated start). */
async function attestedOnly(page: Page): Promise<Map<string, ApiStance[]>> {
  const body = (await (await page.request.get(`/api/v1/stances?topic=${POSTURE}&limit=1000`)).json()) as { data: ApiStance[] };
  const byActor = new Map<string, ApiStance[]>();
  for (const s of body.data) byActor.set(s.actor, [...(byActor.get(s.actor) ?? []), s]);
  return new Map([...byActor].filter(([, list]) => list.every((s) => !s.validFrom)));
}

test.describe("change between two dates", () => {
  test("lists Russia's move to formal recognition with its evidence, and no attested-only posture as a change", async ({ page }) => {
    const attested = await attestedOnly(page);
    const byTo = [...attested].filter(([, list]) => list.some((s) => s.attested <= "2025-07-03")).map(([actor]) => actor);
    expect(byTo.length).toBeGreaterThan(0);
    // The evidence the list should show: the recognition stance's first quote, as the API gives it.
    const russia = (await (await page.request.get("/api/v1/actors/russia")).json()) as { stances: ApiStance[] };
    const recognition = russia.stances.find((s) => s.topic === POSTURE && s.validFrom === "2025-07-03");
    const quote = recognition?.evidence.find((e) => e.quote)?.quote?.text;
    expect(quote).toBeTruthy();

    await page.goto(`/?view=change&from=2025-04-01&date=2025-07-03`);
    await expect(page.getByRole("heading", { name: "Change between 1 April 2025 and 3 July 2025" })).toBeVisible();
    const item = page.locator('.change-item[data-actor="russia"]');
    await expect(item).toHaveAttribute("data-movement", "toward-first");
    await expect(item.locator(".change-before-after")).toContainText(/Diplomatic engagement.*Formal recognition/);
    await expect(item.locator(`[data-step="${recognition?.id}"]`)).toContainText("3 July 2025");
    await expect(item).toContainText(quote as string);
    // The legend counts it; the map colours Russia with the movement's colour (Okabe–Ito blue).
    await expect(page.locator('.movement-legend [data-movement="toward-first"] .count')).toHaveText("1");
    await expect(page.locator('svg.world-map use[data-actor="russia"]')).toHaveCSS("fill", "rgb(0, 114, 178)");

    const changed = page.locator(".change-items > .change-item");
    for (const actor of byTo) {
      await expect(changed.and(page.locator(`[data-actor="${actor}"]`))).toHaveCount(0);
      await expect(page.locator(`.change-attested [data-actor="${actor}"]`)).toHaveAttribute("data-movement", "attested-only");
    }
    await expect(page.locator('.movement-legend [data-movement="attested-only"] .count')).toHaveText(String(byTo.length));
    // An attested-only country is never coloured as a change.
    const countries = byTo.filter((a) => ["pakistan", "iran", "qatar"].includes(a));
    for (const actor of countries)
      await expect(page.locator(`svg.world-map use[data-actor="${actor}"]`)).toHaveCSS("fill", "rgb(228, 228, 228)");

    // Selecting an actor in the list opens its panel, as the map does.
    await item.getByRole("button", { name: "Russia", exact: true }).click();
    await expect(page.getByRole("complementary", { name: "Selected actor" })).toContainText("Russia");
    await expect(page).toHaveURL(/[?&]actor=russia(&|$)/);
  });

  test("dates in the wrong order are swapped with a notice; a period with no change says so", async ({ page }) => {
    await page.goto(`/?view=change&from=2025-07-03&date=2025-04-01`);
    await expect(page.locator(".notice").first()).toContainText("the two dates were swapped");
    await expect(page).toHaveURL(/from=2025-04-01/);
    await expect(page).toHaveURL(/date=2025-07-03/);
    await expect(page.locator('.change-item[data-actor="russia"]')).toBeVisible();

    await page.goto(`/?view=change&from=2025-07-10&date=2025-12-31`);
    await expect(page.locator(".change-empty")).toContainText(
      /^No actor changed stance between 10 July 2025 and 31 December 2025 \(\d+ unchanged, \d+ attested only/,
    );
    // A malformed start is ignored with a notice, and the view picks its default start.
    await page.goto(`/?view=change&from=2025-13-01&date=2025-07-03`);
    await expect(page.locator(".notice").first()).toContainText("from=2025-13-01");
    await expect(page.locator(".change-basis")).toContainText("the day before the latest dated move");
  });

  test("the date controls move the comparison and keep it in the URL", async ({ page }) => {
    await page.goto(`/?view=change&from=2025-04-01&date=2025-07-03`);
    // The view is its own chunk: until it has hydrated, what is typed into the server's markup has no handler.
    await expect(async () => {
      await page.getByLabel("To", { exact: true }).fill("2025-07-02");
      await expect(page).toHaveURL(/date=2025-07-02/, { timeout: 1000 });
    }).toPass();
    await expect(page.getByRole("heading", { name: "Change between 1 April 2025 and 2 July 2025" })).toBeVisible();
    // The day before the recognition, Russia had not moved toward it.
    await expect(page.locator('.change-item[data-actor="russia"][data-movement="toward-first"]')).toHaveCount(0);
  });
});

test.describe("who followed whom", () => {
  test("shows Russia's recognition as the reference, its steps since 1996, and the actors only attested after it", async ({ page }) => {
    const attested = await attestedOnly(page);
    const after = [...attested].filter(([, list]) => list.some((s) => s.attested >= "2025-07-03")).map(([actor]) => actor);
    expect(after.length).toBeGreaterThan(0);

    await page.goto("/?view=sequence");
    await expect(page.getByTestId("sequence-summary")).toContainText("Reference: Russia’s move to formal recognition (3 July 2025)");
    await expect(page.getByTestId("sequence-summary")).toContainText(`${after.length} are attested only after it`);
    await expect(page.getByLabel("Reference move")).toHaveValue("russia@2025-07-03");
    const rows = page.locator(".seq-rows > li");
    await expect(rows.first()).toHaveAttribute("data-actor", "russia");
    const russia = page.getByRole("img", { name: /^Russia, the reference: / });
    await expect(russia).toHaveAttribute("aria-label", /\(1996: Active opposition; .*3 July 2025: Formal recognition\)/);
    await expect(rows.first().locator(".seq-move")).toHaveCount(6);
    for (const actor of after) {
      const row = page.locator(`.seq-rows > li[data-actor="${actor}"]`);
      await expect(row).toHaveAttribute("data-first", "attested");
      await expect(row.locator(".seq-attested")).toHaveCount(1);
      await expect(row.locator(".seq-lag")).toContainText("attested");
    }
    // Reactions to the recognition are marked on the rows they are credited to (Pakistan's, 3–5 July 2025).
    await expect(page.locator('.seq-rows > li[data-actor="pakistan"] .seq-link')).toHaveCount(1);
    await expect(page.locator('.seq-rows > li[data-actor="pakistan"] .seq-link title')).toContainText("0–2 days after");

    // The table says the same in words.
    await page.getByText("The sequence as a table").click();
    await expect(page.locator('.seq-table tr[data-actor="russia"] td').first()).toHaveText("the reference");

    // Another reference: China's 2023 move; the URL keeps it.
    await page.getByLabel("Reference move").selectOption({ label: "China: Diplomatic engagement without recognition, 2023" });
    await expect(page).toHaveURL(/[?&]ref=china%402023-01-01|[?&]ref=china@2023-01-01/);
    await expect(page.getByTestId("sequence-summary")).toContainText(
      "Reference: China’s move to diplomatic engagement without recognition (2023)",
    );
    await expect(rows.first()).toHaveAttribute("data-actor", "china");
  });
});

for (const view of ["change", "sequence"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`the ${view} view has no critical or serious accessibility violations (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(view === "change" ? "/?view=change&from=2025-04-01&date=2025-07-03" : "/?view=sequence");
      if (view === "change") await expect(page.locator(".change-item .evidence").first()).toBeVisible();
      else await expect(page.locator(".seq-rows > li").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
}

test("on a phone, neither view is wider than the screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const url of ["/?view=change&from=2025-04-01&date=2025-07-03", "/?view=sequence"]) {
    await page.goto(url);
    await expect(page.locator(".change-item .evidence, .seq-row svg").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await context.close();
});
