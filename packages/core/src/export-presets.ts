// Export sizes in CSS pixels (96 to the inch, so 1 px is 0.75 pt on a PDF page), without zod: the
// export API's schema and the browser's dialog share them. Print presets are physical sizes; their PNG
// is meant at 300 dpi (the dialog's default for them).
export const EXPORT_PRESETS = {
  web: { label: "Web, 1200 × 675", width: 1200, height: 675, print: false },
  square: { label: "Square social, 1080 × 1080", width: 1080, height: 1080, print: false },
  social: { label: "Social card, 1200 × 630", width: 1200, height: 630, print: false },
  a4: { label: "Print, A4 landscape (297 × 210 mm)", width: 1123, height: 794, print: true },
  "a4-portrait": { label: "Print, A4 portrait (210 × 297 mm)", width: 794, height: 1123, print: true },
  column: { label: "Print, one column (89 × 120 mm)", width: 336, height: 454, print: true },
} as const;
export type ExportPreset = keyof typeof EXPORT_PRESETS;

/** Print density for the print presets' PNG. */
export const PRINT_DPI = 300;

/** No PNG may exceed this many pixels: about a 4x A4 page. */
export const MAX_EXPORT_PIXELS = 40_000_000;

/** A PNG's size in pixels: the picture's CSS size at a density (2 for 2x; dpi / 96 for print). */
export function pixelSize(width: number, height: number, density: number): { width: number; height: number } {
  return { width: Math.round(width * density), height: Math.round(height * density) };
}
