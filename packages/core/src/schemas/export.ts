// The export API's parameters: the dashboard's state plus size, scale, theme and the editable texts.
import { z } from "zod";
import { IsoDate, Slug } from "./common";

export const EXPORT_PRESETS = {
  web: { width: 1200, height: 675 },
  square: { width: 1080, height: 1080 },
  /** A4 landscape at 300 dpi is 3508 × 2480 px; expressed at 1x so scale picks the density. */
  a4: { width: 1123, height: 794 },
  column: { width: 600, height: 450 },
} as const;

/** No export may exceed this many pixels (width × height × scale²): about a 4x A4 page. */
export const MAX_EXPORT_PIXELS = 40_000_000;

/** The parameters as documented; `ExportQuery` adds the preset's size and the pixel bound. */
export const ExportParams = z.object({
  topic: Slug.optional(),
  date: IsoDate.optional(),
  theme: z.enum(["light", "dark", "print"]).default("light"),
  preset: z.enum(Object.keys(EXPORT_PRESETS) as [keyof typeof EXPORT_PRESETS]).optional(),
  width: z.coerce.number().int("must be a whole number").min(300).max(4000).optional(),
  height: z.coerce.number().int("must be a whole number").min(200).max(4000).optional(),
  scale: z.coerce
    .number()
    .refine((n) => n === 1 || n === 2 || n === 4, "must be 1, 2 or 4")
    .default(1),
  title: z.string().max(200).optional(),
  subtitle: z.string().max(300).optional(),
  notes: z.string().max(500).optional(),
});

export const ExportQuery = ExportParams.transform((q) => {
  const preset = EXPORT_PRESETS[q.preset ?? "web"];
  return { ...q, width: q.width ?? preset.width, height: q.height ?? preset.height };
}).refine((q) => q.width * q.height * q.scale * q.scale <= MAX_EXPORT_PIXELS, {
  path: ["scale"],
  message: `the picture would exceed ${MAX_EXPORT_PIXELS / 1_000_000} million pixels; lower the size or the scale`,
});
export type ExportQuery = z.infer<typeof ExportQuery>;
