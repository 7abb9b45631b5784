import { expect, test } from "@playwright/test";

test.describe("actor page", () => {
  test("Russia: heading, local name, step chart, formal recognition with its date and the Foreign Ministry's quote", async ({ page }) => {
    const response = await page.goto("/actors/russia");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/^Russia · Stancemap$/);
    await expect(page.getByRole("heading", { level: 1, name: "Russia" })).toBeVisible();
    const localName = page.locator('.local-names [lang="ru"]');
    await expect(localName).toHaveText("Россия");
    await expect(localName).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("img", { name: "Locator map: Russia" })).toBeVisible();

    const chart = page.locator('figure.steps[data-topic="posture-toward-taliban-government"]');
    await expect(chart).toBeVisible();
    expect(await chart.locator("a.step").count()).toBeGreaterThanOrEqual(3);
    await expect(chart.getByRole("link", { name: "Formal recognition, since 3 July 2025" })).toBeVisible();
    await expect(
      chart.getByRole("link", { name: /^Diplomatic engagement without recognition, 15 August 2021 to April 2025$/ }),
    ).toBeVisible();
    // The steps run left to right in date order, and the last one reaches the chart's right end (today).
    const boxes = await chart.locator("a.step .step-bar").evaluateAll((bars) =>
      bars.map((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    );
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]?.left ?? 0).toBeGreaterThan(boxes[i - 1]?.left ?? 0);
    const plot = await chart.locator("svg.steps-svg").boundingBox();
    expect(Math.abs((boxes.at(-1)?.right ?? 0) - ((plot?.x ?? 0) + (plot?.width ?? 0)))).toBeLessThan(2);

    const recognition = page.locator("#stance-russia-posture-2025-07-03");
    await expect(recognition).toContainText("Formal recognition");
    await expect(recognition).toContainText("since 3 July 2025");
    await expect(recognition.locator("blockquote").filter({ hasText: /^“We believe that the act of official recognition/ })).toBeVisible();
    // The speaker as the source prints them, linked to the ministry's page.
    await expect(recognition.locator("blockquote cite").first()).toHaveText("— Russia's Foreign Ministry");
    await expect(recognition.locator("blockquote cite a").first()).toHaveAttribute("href", "/actors/russia-ministry-of-foreign-affairs");

    // Reactions to the events Russia took part in, and a way back to the dashboard with Russia selected.
    await expect(page.getByRole("heading", { name: "Reactions to events Russia took part in" })).toBeVisible();
    await expect(page.getByRole("link", { name: "See Russia on the dashboard" })).toHaveAttribute("href", "/?actor=russia");
    await expect(page.locator(".event-list")).toContainText("Russia removes the Taliban from its terror list");
  });

  test("a state's ISO alpha-3 code redirects to its page", async ({ page }) => {
    await page.goto("/actors/RUS");
    await expect(page).toHaveURL(/\/actors\/russia$/);
    await expect(page.getByRole("heading", { level: 1, name: "Russia" })).toBeVisible();
  });

  test("Fawzia Koofi: her quote and its source line", async ({ page }) => {
    await page.goto("/actors/fawzia-koofi");
    await expect(page.getByRole("heading", { level: 1, name: "Fawzia Koofi" })).toBeVisible();
    const quoteText = "Such actions risk not only the safety of Afghans but global security as well";
    const evidence = page.locator(".evidence > li").filter({ has: page.locator("blockquote", { hasText: quoteText }) });
    expect(await evidence.count()).toBeGreaterThanOrEqual(1);
    const first = evidence.first();
    await expect(first.locator("blockquote p").first()).toHaveText(`“${quoteText}”`);
    await expect(first.locator("blockquote cite")).toHaveText("— Fawzia Koofi, former Afghan MP and advocate for women’s rights");
    await expect(first.locator(".source-line")).toHaveText(
      /^Source: Indian Council of World Affairs, Russia's formal recognition of the Taliban regime .*\(Implications, para 2, endnote \[xix\]\)$/,
    );
    // The Kabul Now report that the paper cites, with its date and link, among the sources folded under the quotes.
    const more = page.locator("details.more-sources", { hasText: "Kabul Now" }).first();
    await expect(more.locator("summary")).toContainText("Further sources (3): Kabul Now");
    await more.locator("summary").click();
    const kabulNow = more.locator(".source-line", { hasText: "Kabul Now" });
    await expect(kabulNow).toBeVisible();
    await expect(kabulNow).toContainText("5 July 2025");
    await expect(kabulNow.getByRole("link")).toHaveAttribute("href", /^https:\/\/kabulnow\.com\//);
    // Co-reactors: others who reacted to Russia's recognition.
    await expect(page.locator("#related").locator("..")).toContainText("Reacted to the same events");
  });

  test("Dari and Pashto local names are right to left", async ({ page }) => {
    await page.goto("/actors/islamic-emirate-of-afghanistan");
    for (const lang of ["prs", "ps"]) {
      const name = page.locator(`.local-names [lang="${lang}"]`);
      await expect(name).toHaveAttribute("dir", "rtl");
      expect(await name.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    }
    await expect(page.getByRole("heading", { name: "Posture toward the Taliban government" })).toBeVisible();
    await expect(page.locator('section[data-topic="posture-toward-taliban-government"]')).toContainText("No data");
  });

  test("an unknown actor gets a 404 with a helpful page", async ({ page }) => {
    const response = await page.goto("/actors/no-such-actor");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "No such actor" })).toBeVisible();
    await expect(page).toHaveTitle("Actor not found · Stancemap");
    await expect(page.getByRole("link", { name: "Back to the dashboard" })).toHaveAttribute("href", "/");
    await page.getByLabel("Find an actor").fill("koofi");
    await expect(page.getByRole("link", { name: "Fawzia Koofi" })).toHaveAttribute("href", "/actors/fawzia-koofi");
  });

  test("Mao Ning links to China", async ({ page }) => {
    await page.goto("/actors/mao-ning");
    const china = page.locator(".actor-role").getByRole("link", { name: "China" });
    await expect(china).toHaveAttribute("href", "/actors/china");
    await china.click();
    await expect(page.getByRole("heading", { level: 1, name: "China" })).toBeVisible();
    await expect(page.locator(".actor-members")).toContainText("Mao Ning");
  });

  test("the page is rendered on the server and works at phone width", async ({ page, request }) => {
    const html = await (await request.get("/actors/russia")).text();
    expect(html).toContain("Россия");
    expect(html).toContain("Locator map: Russia");
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto("/actors/russia");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
