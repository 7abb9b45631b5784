// The export API's parameters: the dashboard's state (topic, date, filters, selected actor) plus size,
// scale or print density, theme and the editable texts.
import { z } from "zod";
import { ACTOR_KINDS, SENTIMENTS } from "../collections";
import { EXPORT_PRESETS, MAX_EXPORT_PIXELS, pixelSize } from "../export-presets";
import { ReferenceMove } from "./api";
import { IsoDate, Slug } from "./common";

/** A comma-separated list of slugs, as the dashboard's URL writes its multi-select filters (`kind=state,person`). */
const SlugList = z
  .string()
  .max(1000)
  .transform((v, ctx) => {
    const items = v.split(",").filter(Boolean);
    for (const item of items) {
      if (!Slug.safeParse(item).success) {
        ctx.addIssue({ code: "custom", message: `"${item.slice(0, 40)}" is not a slug (lowercase words joined by hyphens)` });
        return z.NEVER;
      }
    }
    return items;
  })
  .describe("Comma-separated slugs, as in the dashboard's URL.");

/** A comma-separated list of known values (`kind=state,person`); anything else is refused by name. */
function EnumList(values: readonly string[]) {
  return z
    .string()
    .max(1000)
    .transform((v, ctx) => {
      const items = v.split(",").filter(Boolean);
      for (const item of items) {
        if (!values.includes(item)) {
          ctx.addIssue({ code: "custom", message: `"${item.slice(0, 40)}" is not one of ${values.join(", ")}` });
          return z.NEVER;
        }
      }
      return items;
    })
    .describe(`Comma-separated, each one of: ${values.join(", ")}.`);
}

/** The parameters as documented; `ExportQuery` adds the preset's size and the pixel bound. */
export const ExportParams = z.strictObject({
  topic: Slug.optional(),
  date: IsoDate.optional(),
  region: z.string().max(100).optional().describe("Map: only actors of this region, as the dashboard's region filter."),
  kind: EnumList(ACTOR_KINDS).optional().describe("Map: only these kinds of actor."),
  sent: EnumList(SENTIMENTS).optional().describe("Network: only reactions of these sentiments."),
  nkind: EnumList(ACTOR_KINDS).optional().describe("Network: only reactions by these kinds of actor."),
  actor: Slug.optional().describe("Actor export: whose stance history (required). Timeline: only this actor's stance changes."),
  from: IsoDate.optional().describe("Change export: the first date, compared with `date` (required; not after `date`)."),
  reference: ReferenceMove.optional().describe(
    "Sequence export: the reference move, `actor@YYYY-MM-DD`. Default: the first move to the scale's first category.",
  ),
  cat: SlugList.optional().describe("Map: the categories highlighted (the others drawn faint), as on the dashboard."),
  revision: z.coerce
    .number()
    .int("must be a whole number")
    .min(1)
    .optional()
    .describe(
      "The dataset revision to draw, as it was published then (a citation's permalink pins it); 404 past the current one. Default: the current revision.",
    ),
  view: z.string().max(20).optional().describe("Accepted so that a dashboard link's query can be pasted; the path names the view."),
  q: z.string().max(200).optional().describe("Accepted so that a dashboard link's query can be pasted; the search box draws nothing."),
  theme: z.enum(["light", "dark", "print"]).default("light"),
  text: z
    .enum(["text", "outline"])
    .default("text")
    .describe(
      "SVG only: text as text (Noto Sans embedded, with system fonts named as fallbacks), or outline: every letter drawn as a path in Noto Sans, so tools that ignore embedded fonts (rsvg-convert, Inkscape, Illustrator) show the same picture; the title and description stay text.",
    ),
  preset: z.enum(Object.keys(EXPORT_PRESETS) as [keyof typeof EXPORT_PRESETS]).optional(),
  width: z.coerce.number().int("must be a whole number").min(300).max(4000).optional(),
  height: z.coerce.number().int("must be a whole number").min(200).max(4000).optional(),
  scale: z.coerce
    .number()
    .refine((n) => n === 1 || n === 2 || n === 4, "must be 1, 2 or 4")
    .default(1)
    .describe("PNG pixel density: 1x, 2x or 4x the width and height."),
  dpi: z.coerce
    .number()
    .int("must be a whole number")
    .min(72)
    .max(600)
    .optional()
    .describe(
      "PNG for print: pixels per inch at the picture's size, taking 96 CSS pixels as an inch (A4 at 300 dpi is 3509 × 2481). Replaces scale.",
    ),
  title: z.string().max(200).optional(),
  subtitle: z.string().max(300).optional(),
  notes: z.string().max(500).optional(),
});

export const ExportQuery = ExportParams.transform((q) => {
  const preset = EXPORT_PRESETS[q.preset ?? "web"];
  const width = q.width ?? preset.width;
  const height = q.height ?? preset.height;
  const pixels = pixelSize(width, height, q.dpi ? q.dpi / 96 : q.scale);
  return {
    ...q,
    kind: q.kind ?? [],
    sent: q.sent ?? [],
    nkind: q.nkind ?? [],
    cat: q.cat ?? [],
    width,
    height,
    /** The PNG's size in pixels. */
    pixelWidth: pixels.width,
    pixelHeight: pixels.height,
  };
}).refine((q) => q.pixelWidth * q.pixelHeight <= MAX_EXPORT_PIXELS, {
  path: ["scale"],
  message: `the picture would exceed ${MAX_EXPORT_PIXELS / 1_000_000} million pixels; lower the size, the scale or the dpi`,
});
export type ExportQuery = z.infer<typeof ExportQuery>;
