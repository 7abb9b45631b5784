// Actors: states, organisations, governments, groups, people; who belongs to whom.
import { z } from "zod";
import { ACTOR_KINDS, ALIAS_KINDS, MAX_ALIASES, MAX_LOCAL_NAMES } from "../collections";
import { LanguageTag, Slug, Text, TextDirection } from "./common";

export const ActorKind = z
  .enum(ACTOR_KINDS)
  .describe(
    "state: a country with ISO codes; organisation: intergovernmental; government-in-fact: governs without recognition; " +
      "former-government: a fallen government's remaining missions; institution: a ministry or body of a state or government; " +
      "group: political or armed group; civil-society: a civil-society body; bloc: an informal grouping of governments; person.",
  );

export const LocalName = z
  .object({
    name: Text.min(1).max(200),
    lang: LanguageTag,
    dir: TextDirection,
  })
  .meta({ id: "LocalName" });

export const ActorAlias = z
  .object({
    name: Text.min(1)
      .max(200)
      .refine((v) => v.trim() === v && v.trim() !== "", "must not be blank or start or end with spaces"),
    kind: z
      .enum(ALIAS_KINDS)
      .default("alias")
      .describe("alias: another name in use now; former: a name no longer used; abbreviation: an acronym or short form."),
    lang: LanguageTag.optional().describe("The language of the name, when it is not English."),
    source: Slug.optional().describe("The source (its id) that uses or reports this name."),
  })
  .meta({ id: "ActorAlias" });

export const Actor = z
  .object({
    slug: Slug,
    name: Text.min(1).max(200),
    kind: ActorKind,
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code")
      .optional()
      .describe("ISO 3166-1 alpha-3: where the actor lands on the map."),
    isoNumeric: z
      .string()
      .regex(/^\d{3}$/, "must be an ISO 3166-1 numeric code of three digits")
      .optional(),
    role: Text.max(200).optional().describe("For people and institutions: the role, e.g. `Foreign Minister`."),
    region: Text.max(80).optional(),
    affiliation: Slug.optional().describe("The actor this one belongs to or speaks for."),
    description: Text.max(2000).optional(),
    names: z.array(LocalName).max(MAX_LOCAL_NAMES).default([]).describe("Local forms of the name."),
    aliases: z
      .array(ActorAlias)
      .max(MAX_ALIASES)
      .default([])
      .describe("Other names the actor is known by (aliases, former names, abbreviations); search finds the actor by them."),
  })
  .superRefine((actor, ctx) => {
    const seen = new Set([actor.name.toLocaleLowerCase("en")]);
    actor.aliases.forEach((alias, i) => {
      const key = alias.name.toLocaleLowerCase("en");
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["aliases", i, "name"], message: "repeats the name or another alias" });
      seen.add(key);
    });
    if (actor.kind === "state" && (!actor.iso3 || !actor.isoNumeric)) {
      ctx.addIssue({ code: "custom", path: ["iso3"], message: "a state needs its ISO 3166-1 alpha-3 and numeric codes" });
    }
    if (actor.affiliation === actor.slug) {
      ctx.addIssue({ code: "custom", path: ["affiliation"], message: "an actor cannot belong to itself" });
    }
  })
  .meta({ id: "Actor" });

export type ActorKind = z.infer<typeof ActorKind>;
export type LocalName = z.infer<typeof LocalName>;
export type ActorAlias = z.infer<typeof ActorAlias>;
export type Actor = z.infer<typeof Actor>;
