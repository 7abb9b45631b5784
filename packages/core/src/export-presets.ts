// Export sizes in CSS pixels at 1x, without zod: the export API's schema and the browser's dialog share them.
export const EXPORT_PRESETS = {
  web: { label: "Web, 1200 × 675", width: 1200, height: 675 },
  square: { label: "Square social, 1080 × 1080", width: 1080, height: 1080 },
  /** A4 landscape; scale picks the density (4x is about 300 dpi). */
  a4: { label: "Print, A4 landscape", width: 1123, height: 794 },
  column: { label: "Column, 600 × 450", width: 600, height: 450 },
} as const;
export type ExportPreset = keyof typeof EXPORT_PRESETS;
