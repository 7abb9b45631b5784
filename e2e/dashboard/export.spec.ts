// The export dialog: the browser draws the SVG with the renderer the export API uses, so the file a
// user downloads is the file automation gets from the URL.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";
import { unzip } from "../support/files";

const normalise = (svg: string) => svg.replace(/\s+/g, " ").trim();

test.describe("export dialog", () => {
  test("a publication desk downloads the map's SVG from the dialog, and it equals the export API's for the same view", async ({
    page,
    request,
  }) => {
    await page.goto("/?date=2025-07-03");
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the map" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Title", { exact: true }).fill("Who deals with the Taliban <b>now</b>");
    await dialog.getByLabel("Notes").fill("Hatched: the sources state no stance.");
    await dialog.getByLabel("Size").selectOption("square");
    await dialog.getByLabel("Print-safe (greys and patterns)").check();
    await expect(dialog.getByRole("img", { name: /Preview: Who deals with the Taliban/ })).toBeVisible();
    expect(await seriousViolations(page, ".export-dialog")).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "Download SVG" }).click()]);
    expect(download.suggestedFilename()).toBe("stancemap-posture-map-2025-07-03.svg");
    const browserSvg = readFileSync((await download.path()) as string, "utf8");
    expect(browserSvg).toContain("Who deals with the Taliban &lt;b&gt;now&lt;/b&gt;");

    const pdfHref = await dialog.getByRole("link", { name: "Download PDF" }).getAttribute("href");
    const query = new URL(pdfHref as string, "http://x").search;
    const serverSvg = await (await request.get(`/api/v1/export/map.svg${query}`)).text();
    expect(normalise(browserSvg)).toBe(normalise(serverSvg));

    const png = await request.get((await dialog.getByRole("link", { name: "Download PNG" }).getAttribute("href")) as string);
    expect(png.status()).toBe(200);
    const body = await png.body();
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([2160, 2160]);

    // Text as outlines, for editing tools that ignore embedded fonts: the API's file, letters as paths.
    await dialog.getByLabel("SVG text").selectOption("outline");
    const [outlined] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "Download SVG" }).click()]);
    expect(outlined.suggestedFilename()).toBe("stancemap-posture-map-2025-07-03.svg");
    const outlinedSvg = readFileSync((await outlined.path()) as string, "utf8");
    expect(outlinedSvg).not.toContain("<text");
    expect(outlinedSvg).toContain('<title id="export-title">Who deals with the Taliban &lt;b&gt;now&lt;/b&gt;</title>');
    expect(outlinedSvg).toMatch(/<svg [^>]*aria-label="Who deals with the Taliban &lt;b&gt;now&lt;\/b&gt;"/);
    expect(outlinedSvg).toContain("<path d=");
  });

  // Each view with its filters set (and, for the map, a filter of another view left in the URL, which
  // must change nothing); `shown` reads what the page itself shows, to compare with the data download.
  const others = [
    {
      view: "map",
      open: "/?date=2025-07-03&view=table&region=South+Asia&cat=diplomatic-engagement&sent=critical",
      button: "Export…",
      dialog: "Export the map",
      file: "stancemap-posture-map-2025-07-03",
      // The table counts the rows; the map's export is on the Map tab (the Table tab exports the table).
      shown: async (page: Page) => {
        const rows = page.locator("table.map-table tbody tr");
        await expect(rows.first()).toBeVisible();
        const n = await rows.count();
        await page.getByRole("tab", { name: "Map" }).click();
        return n;
      },
    },
    {
      view: "network",
      open: "/?date=2025-07-03&view=network&sent=supportive,critical&region=Europe",
      button: "Export…",
      dialog: "Export the reaction network",
      file: "stancemap-posture-network-2025-07-03",
      shown: async (page: Page) => Number((await page.locator(".net-counts strong").textContent())?.match(/(\d+) reactions?$/)?.[1]),
    },
    {
      view: "timeline",
      // To today, as the dashboard's timeline runs, so that the page's marks and the export's rows are the same span.
      open: "/?actor=russia",
      button: "Export the timeline…",
      dialog: "Export the timeline",
      file: "stancemap-posture-timeline-",
      // The timeline draws once the topic's stance index has arrived (after hydration): count it then.
      shown: async (page: Page) => {
        await expect(page.locator(".timeline .mark").first()).toBeVisible();
        return page.locator(".timeline .mark").count();
      },
    },
    {
      view: "actor",
      open: "/actors/russia",
      button: "Export this chart…",
      dialog: "Export the stance history",
      file: "stancemap-posture-history-russia-",
      shown: async (page: Page) => page.locator('.topic-history[data-topic="posture-toward-taliban-government"] .step').count(),
    },
  ];
  for (const o of others) {
    test(`the ${o.view}'s SVG from the dialog equals the export API's, and its data download holds the rows it shows`, async ({
      page,
      request,
    }) => {
      await page.goto(o.open);
      if (o.view === "network") await expect(page.locator(".net-counts")).toContainText("reactions");
      const shown = await o.shown(page);
      await page.getByRole("button", { name: o.button }).first().click();
      const dialog = page.getByRole("dialog", { name: o.dialog });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel("Dark").check();
      await expect(dialog.getByRole("img", { name: /Preview: / })).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name: "Download SVG" }).click()]);
      expect(download.suggestedFilename()).toContain(o.file);
      const browserSvg = readFileSync((await download.path()) as string, "utf8");
      const pdfHref = await dialog.getByRole("link", { name: "Download PDF" }).getAttribute("href");
      expect(pdfHref).toContain(`/api/v1/export/${o.view}.pdf?`);
      const serverSvg = await (await request.get(pdfHref?.replace(".pdf?", ".svg?") as string)).text();
      expect(normalise(browserSvg)).toBe(normalise(serverSvg));

      const rows = Number((await dialog.getByText(/The data file holds the \d+ rows/).textContent())?.match(/(\d+) rows/)?.[1]);
      const [data] = await Promise.all([
        page.waitForEvent("download"),
        dialog.getByRole("link", { name: "Download data (CSV, JSON)" }).click(),
      ]);
      expect(data.suggestedFilename()).toMatch(/-data\.zip$/);
      const files = unzip(readFileSync((await data.path()) as string));
      const json = Object.entries(files).find(([name]) => name.endsWith(".json") && name !== "metadata.json")?.[1] as string;
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBe(shown);
      expect((JSON.parse(json) as { data: unknown[] }).data).toHaveLength(rows);
    });
  }

  test("a web article embeds the map with the dialog's snippet, and the chart renders in the frame", async ({ page, request }) => {
    await page.goto("/?date=2025-07-03");
    await page.getByRole("button", { name: "Export…" }).click();
    const snippet = await page.getByRole("dialog", { name: "Export the map" }).getByLabel("Paste this where the chart goes").inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+\/embed\/map\?topic=posture-toward-taliban-government&amp;date=2025-07-03&amp;theme=light"/,
    );

    const embed = await request.get("/embed/map?date=2025-07-03");
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(embed.headers()["x-frame-options"]).toBeUndefined();

    const host = await page.context().newPage();
    const messages: unknown[] = [];
    await host.exposeFunction("recordMessage", (m: unknown) => messages.push(m));
    // A news site on another origin: a real server on this machine (Chromium lets a page frame another local
    // address, and frame-ancestors match network schemes only, so an about:blank page would not do).
    const article = `<h1>An article</h1>${snippet}<script>addEventListener('message', (e) => window.recordMessage(e.data))</script>`;
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(article));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await host.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const frame = host.frameLocator("iframe");
    // The live map (embed.spec.ts tests it at phone width), named by its alt text.
    await expect(frame.getByRole("figure", { name: /^As of 3 July 2025, posture toward the Taliban government/ })).toBeVisible();
    await expect(frame.locator("svg.world-map")).toBeVisible();
    await expect(frame.getByRole("link", { name: "Explore on Stancemap" })).toBeVisible();
    await expect(frame.getByRole("banner")).toHaveCount(0);
    await expect.poll(() => messages.some((m) => (m as { type?: string }).type === "stancemap:height")).toBe(true);
    server.close();

    // Every view embeds as a static picture the same way: the network, the timeline and an actor's stance history.
    for (const [view, query] of [
      ["network", "date=2025-07-03&sent=critical"],
      ["timeline", "date=2025-07-03"],
      ["actor", "date=2025-07-03&actor=russia"],
    ]) {
      await host.goto(`/embed/${view}?${query}${view === "actor" ? "" : "&static=1"}`);
      const img = host.locator("img.embed-chart");
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
      expect(await img.getAttribute("src")).toBe(`/api/v1/export/${view}.svg?${query}`);
    }
    expect((await request.get("/embed/actor?date=2025-07-03")).status()).toBe(404);
  });
});
