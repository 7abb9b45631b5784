// Noto Sans SC, split by unicode-range into about a hundred files: its stylesheet (101 @font-face rules,
// about 100 KB) comes with this module, so a page gets it only when something on it renders this.
import "@fontsource/noto-sans-sc/400.css";

export default function HanFonts() {
  return null;
}
