// A screenshot of a page in headless Chromium, for looking at the dashboard without a browser window:
//   node e2e/support/screenshot.mjs <url> <out.png> [width] [light|dark]
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.mjs";

const [url, out, width = "1280", scheme = "light"] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node e2e/support/screenshot.mjs <url> <out.png> [width] [light|dark]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme === "dark" ? "dark" : "light" });
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`screenshot: ${out}`);
