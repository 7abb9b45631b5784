// Which of the scripts with fonts of their own a text holds: Arabic (Dari, Pashto, Urdu) and Han (Chinese).
// Noto Sans covers the rest (Latin, Cyrillic, Greek); these two would cost every page a large stylesheet.

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/;
const HAN = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export interface Scripts {
  arabic: boolean;
  han: boolean;
}

export function scriptsIn(text: string): Scripts {
  return { arabic: ARABIC.test(text), han: HAN.test(text) };
}
