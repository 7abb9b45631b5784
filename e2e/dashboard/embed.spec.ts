// Publishing a chart elsewhere: the live embed in a news site's page on another origin (sized by the
// snippet's script, readable at phone width, with tooltips), the alt text every picture carries, and the
// social card a shared link shows.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

const POSTURE = "posture-toward-taliban-government";

/** A news site on another origin: a real server on this machine (frame-ancestors match network schemes only). */
async function articleServer(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (body: Buffer) => ({
  signature: body.toString("latin1", 1, 4),
  width: body.readUInt32BE(16),
  height: body.readUInt32BE(20),
});

test.describe("embeds, alt text and social cards", () => {
  test("a news site on another origin embeds the live map: at 390 px the script sizes the frame and a country's tooltip reads", async ({
    page,
    browser,
  }) => {
    await page.goto(`/?topic=${POSTURE}&date=2025-07-03`);
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the map" });
    const snippet = await dialog.getByLabel("Paste this where the chart goes").inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+\/embed\/map\?topic=posture-toward-taliban-government&amp;date=2025-07-03&amp;theme=light"/,
    );
    expect(snippet).toContain("<script>");
    // The alt text the dialog offers to copy says what the picture shows.
    const alt = await dialog.getByRole("textbox", { name: "Alt text" }).inputValue();
    expect(alt).toMatch(/^As of 3 July 2025, posture toward the Taliban government: formal recognition, 1 actor: Russia; /);

    const { url, server } = await articleServer(
      `<!doctype html><meta name="viewport" content="width=device-width"><h1>An article</h1><p>Before the chart.</p>${snippet}<p>After the chart.</p>`,
    );
    try {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await phone.goto(url);
      const iframe = phone.locator("iframe[data-stancemap-embed]");
      const frame = phone.frameLocator("iframe[data-stancemap-embed]");
      // The chart's accessible name is its alt text.
      await expect(frame.getByRole("figure", { name: /^As of 3 July 2025, .*formal recognition, 1 actor: Russia/ })).toBeVisible();
      const map = frame.locator("svg.world-map");
      await expect(map).toBeVisible();
      // Waited for: until the page's script has sized the frame it is a default iframe (under load, 278 px).
      await expect.poll(async () => (await map.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(300);
      // The script sets the frame's height from the embed's message: the frame shows all of the chart.
      await expect.poll(() => iframe.evaluate((f: HTMLIFrameElement) => f.style.height)).toMatch(/^\d+px$/);
      const inner = await frame.locator("html").evaluate((h) => h.scrollHeight);
      await expect.poll(async () => Math.abs(((await iframe.boundingBox())?.height ?? 0) - inner)).toBeLessThanOrEqual(2);
      expect(await frame.locator("html").evaluate((h) => h.scrollHeight - h.clientHeight)).toBeLessThanOrEqual(1);
      // A country's tooltip, by keyboard focus as by hover.
      await frame.locator('use.country[data-actor="russia"]').focus();
      const tip = frame.locator(".map-wrap .tooltip");
      await expect(tip).toBeVisible();
      await expect(tip).toContainText("Russia");
      await expect(tip).toContainText("Formal recognition");
      // The time slider drives the chart inside the frame, and the alt text follows.
      await expect(frame.getByRole("slider", { name: "Date" })).toBeVisible();
      await frame.getByRole("textbox", { name: "As of" }).fill("2024-01-01");
      await expect(frame.getByRole("figure", { name: /^As of 1 January 2024, / })).toBeVisible();
      await expect(frame.getByRole("banner")).toHaveCount(0);
      await phone.close();
    } finally {
      server.close();
    }
  });

  test("the static picture stays an option, and every live view embeds from 300 px", async ({ page, request }) => {
    await page.goto(`/?topic=${POSTURE}&date=2025-07-03`);
    await page.getByRole("button", { name: "Export…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the map" });
    await dialog.getByLabel("A static picture").check();
    const snippet = await dialog.getByLabel("Paste this where the chart goes").inputValue();
    expect(snippet).toContain("static=1");
    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, "&") as string;
    await page.setViewportSize({ width: 300, height: 700 });
    await page.goto(new URL(src).pathname + new URL(src).search);
    const img = page.getByRole("img", { name: /^As of 3 July 2025, .*Russia/ });
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);

    await page.goto(`/embed/map?topic=${POSTURE}&date=2025-07-03`);
    await expect(page.getByRole("figure", { name: /^As of 3 July 2025, / })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/embed/network?date=2025-07-03`);
    await expect(page.getByRole("figure", { name: /^Up to 3 July 2025, \d+ actors reacted/ })).toBeVisible();
    await expect(page.locator(".network-chart, .network svg, canvas").first()).toBeVisible();
    await page.goto(`/embed/timeline?date=2025-07-03`);
    await expect(page.getByRole("figure", { name: /^From \d{4} to 3 July 2025, \d+ events/ })).toBeVisible();
    await expect(page.locator("svg.timeline-chart")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    // Only /embed may be framed.
    expect((await request.get("/embed/map")).headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect((await request.get("/")).headers()["x-frame-options"]).toBe("DENY");
  });

  test("the map's SVG and PDF carry its alt text", async ({ request }) => {
    const svg = await (await request.get(`/api/v1/export/map.svg?topic=${POSTURE}&date=2025-07-03`)).text();
    const desc = /<desc id="export-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    expect(desc).toMatch(/^As of 3 July 2025, posture toward the Taliban government: formal recognition, 1 actor: Russia; /);
    const pdf = await request.get(`/api/v1/export/map.pdf?topic=${POSTURE}&date=2025-07-03`);
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(await pdf.body()), disableFontFace: true, useSystemFonts: false }).promise;
    const info = (await doc.getMetadata()).info as { Subject?: string; Keywords?: string };
    await doc.destroy();
    expect(info.Subject).toMatch(/^As of 3 July 2025, .*Russia/);
    expect(info.Keywords).toContain("CC BY 4.0");
  });

  for (const path of ["/", "/actors/russia", "/?view=network&date=2025-07-03"]) {
    test(`a shared link to ${path} shows a social card whose picture is a 1200 × 630 PNG`, async ({ request }) => {
      const html = await (await request.get(path)).text();
      const meta = (attr: string, name: string) =>
        new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, "&") ?? null;
      const image = meta("property", "og:image");
      expect(image).toMatch(/^http:\/\/[^/]+\/api\/v1\/export\/(map|actor|network)\.png\?.*preset=social/);
      expect(meta("property", "og:title")).toBeTruthy();
      expect(meta("property", "og:image:width")).toBe("1200");
      expect(meta("name", "twitter:card")).toBe("summary_large_image");
      expect(meta("name", "twitter:image")).toBe(image);
      if (path.includes("network")) expect(image).toContain("/network.png");
      const png = await request.get(image as string);
      expect(png.status()).toBe(200);
      expect(png.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await png.body())).toEqual({ signature: "PNG", width: 1200, height: 630 });
    });
  }
});
