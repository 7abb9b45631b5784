// Debian's Chromium, and the flags it needs on these offline machines (no sandbox as root, no
// background networking to hosts it cannot reach). Shared by the Playwright config and the screenshot tool.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
