// A whole dataset as shipped in files or exchanged in bulk, with its cross-references checked.
import { z } from "zod";
import { parseEdtf } from "../time/edtf";
import { countsFrom, ownStances } from "../time/holding";
import { Actor } from "./actor";
import { DataGap, Event, Reaction, Stance } from "./claims";
import { Source } from "./source";
import { Topic } from "./topic";

const DatasetShape = z.object({
  actors: z.array(Actor),
  topics: z.array(Topic),
  sources: z.array(Source),
  stances: z.array(Stance),
  gaps: z.array(DataGap).default([]),
  reactions: z.array(Reaction),
  events: z.array(Event),
});

type Shape = z.infer<typeof DatasetShape>;
type Ctx = z.RefinementCtx<Shape>;

function unique(ctx: Ctx, list: readonly object[], field: string, collection: string): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const value = (item as Record<string, string>)[field] as string;
    if (seen.has(value)) ctx.addIssue({ code: "custom", path: [collection, i, field], message: `duplicate ${field} "${value}"` });
    seen.add(value);
  });
  return seen;
}

function checkReferences(d: Shape, ctx: Ctx) {
  const actors = unique(ctx, d.actors, "slug", "actors");
  const topics = new Map(d.topics.map((t) => [t.slug, new Set(t.categories.map((c) => c.key))]));
  const qualifiers = new Map(d.topics.map((t) => [t.slug, new Set(t.qualifiers.map((q) => q.key))]));
  unique(ctx, d.topics, "slug", "topics");
  const sources = unique(ctx, d.sources, "id", "sources");
  const events = unique(ctx, d.events, "slug", "events");
  unique(ctx, d.stances, "id", "stances");
  unique(ctx, d.reactions, "id", "reactions");
  const missing = (path: (string | number)[], what: string, value: string) =>
    ctx.addIssue({ code: "custom", path, message: `unknown ${what} "${value}"` });

  d.actors.forEach((a, i) => {
    if (a.affiliation && !actors.has(a.affiliation)) missing(["actors", i, "affiliation"], "actor", a.affiliation);
    a.aliases.forEach((alias, j) => {
      if (alias.source && !sources.has(alias.source)) missing(["actors", i, "aliases", j, "source"], "source", alias.source);
    });
  });
  d.sources.forEach((s, i) => {
    if (s.citedIn && !sources.has(s.citedIn.source)) missing(["sources", i, "citedIn", "source"], "source", s.citedIn.source);
  });
  const checkEvidence = (collection: string, i: number, evidence: Shape["stances"][number]["evidence"]) => {
    evidence.forEach((e, j) => {
      if (!sources.has(e.source)) missing([collection, i, "evidence", j, "source"], "source", e.source);
      const speaker = e.quote?.speaker.actor;
      if (speaker !== undefined && !actors.has(speaker))
        missing([collection, i, "evidence", j, "quote", "speaker", "actor"], "actor", speaker);
    });
  };
  d.stances.forEach((s, i) => {
    if (!actors.has(s.actor)) missing(["stances", i, "actor"], "actor", s.actor);
    const categories = topics.get(s.topic);
    if (!categories) missing(["stances", i, "topic"], "topic", s.topic);
    else if (!categories.has(s.category)) missing(["stances", i, "category"], `category of ${s.topic}`, s.category);
    s.qualifiers.forEach((q, j) => {
      if (categories && !qualifiers.get(s.topic)?.has(q)) missing(["stances", i, "qualifiers", j], `qualifier of ${s.topic}`, q);
    });
    checkEvidence("stances", i, s.evidence);
  });
  d.gaps.forEach((g, i) => {
    if (!actors.has(g.actor)) missing(["gaps", i, "actor"], "actor", g.actor);
    if (!topics.has(g.topic)) missing(["gaps", i, "topic"], "topic", g.topic);
    const first = ownStances(d.stances, g.actor, g.topic)[0];
    if (first && (!g.validUntil || parseEdtf(g.validUntil).first > countsFrom(first)))
      ctx.addIssue({
        code: "custom",
        path: ["gaps", i, "validUntil"],
        message: "a no-data note for an actor with a stance on this topic must end (validUntil) by the first stance's start",
      });
  });
  d.reactions.forEach((r, i) => {
    if (!actors.has(r.actor)) missing(["reactions", i, "actor"], "actor", r.actor);
    if ("actor" in r.target && !actors.has(r.target.actor)) missing(["reactions", i, "target", "actor"], "actor", r.target.actor);
    if ("event" in r.target && !events.has(r.target.event)) missing(["reactions", i, "target", "event"], "event", r.target.event);
    checkEvidence("reactions", i, r.evidence);
  });
  d.events.forEach((e, i) => {
    e.actors.forEach((a, j) => {
      if (!actors.has(a)) missing(["events", i, "actors", j], "actor", a);
    });
    checkEvidence("events", i, e.evidence);
  });
}

export const Dataset = DatasetShape.superRefine(checkReferences);
export type Dataset = z.infer<typeof Dataset>;
