// Noto Sans Arabic's Arabic subset (Dari, Pashto, Urdu): its stylesheet comes with this module, so a page
// gets it only when something on it renders this (see ScriptFonts).
import "@fontsource/noto-sans-arabic/arabic-400.css";

export default function ArabicFonts() {
  return null;
}
