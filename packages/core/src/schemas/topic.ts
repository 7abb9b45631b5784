// Topics and their ordered category scales: data, never code.
import { z } from "zod";
import { HexColour, Slug, Text } from "./common";

export const Category = z
  .object({
    key: Slug,
    label: Text.min(1).max(120),
    order: z.number().int().min(1).describe("Position on the scale, 1 first."),
    colour: HexColour,
    description: Text.max(1000).optional(),
  })
  .meta({ id: "Category" });

export const Qualifier = z
  .object({
    key: Slug,
    label: Text.min(1).max(200),
    description: Text.max(1000).optional(),
  })
  .meta({ id: "Qualifier" });

export const Topic = z
  .object({
    slug: Slug,
    title: Text.min(1).max(200),
    question: Text.min(1).max(500),
    description: Text.max(2000).optional(),
    categories: z.array(Category).min(2),
    qualifiers: z
      .array(Qualifier)
      .max(20)
      .default([])
      .describe("Facts a stance may carry that the category scale does not rank; a change of them is a change of stance."),
  })
  .superRefine((topic, ctx) => {
    const keys = new Set<string>();
    const orders = new Set<number>();
    topic.categories.forEach((category, i) => {
      if (keys.has(category.key)) ctx.addIssue({ code: "custom", path: ["categories", i, "key"], message: "duplicate category key" });
      if (orders.has(category.order))
        ctx.addIssue({ code: "custom", path: ["categories", i, "order"], message: "duplicate category order" });
      keys.add(category.key);
      orders.add(category.order);
    });
    const qualifierKeys = new Set<string>();
    topic.qualifiers.forEach((q, i) => {
      if (qualifierKeys.has(q.key)) ctx.addIssue({ code: "custom", path: ["qualifiers", i, "key"], message: "duplicate qualifier key" });
      qualifierKeys.add(q.key);
    });
  })
  .meta({ id: "Topic" });

export type Category = z.infer<typeof Category>;
export type Topic = z.infer<typeof Topic>;
export type Qualifier = z.infer<typeof Qualifier>;
