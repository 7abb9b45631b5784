// The export API's parameters: the dashboard's state plus size, scale, theme and the editable texts.
import { z } from "zod";
import { EXPORT_PRESETS } from "../export-presets";
import { IsoDate, Slug } from "./common";

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
