// The export dialog: the browser draws the SVG with the renderer the export API uses, so the file a
// user downloads is the file automation gets from the URL.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../support/axe";

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
  });
});
