// Names, event titles and sources the actor page's records refer to, and links to other actors.
import type { ActorPage, ActorRef, EventRef } from "@stancemap/db";
import type { CompactSource } from "@/lib/dashboard-data";

export interface PageLookups {
  actors: ReadonlyMap<string, ActorRef>;
  /** Actor names by slug, for quote speakers. */
  names: ReadonlyMap<string, string>;
  events: ReadonlyMap<string, EventRef>;
  sources: ReadonlyMap<string, CompactSource>;
}

export function lookupsOf(page: ActorPage): PageLookups {
  const actors = new Map<string, ActorRef>(page.actors.map((a) => [a.slug, a]));
  actors.set(page.actor.slug, { slug: page.actor.slug, name: page.actor.name, kind: page.actor.kind, role: page.actor.role ?? null });
  return {
    actors,
    names: new Map([...actors.values()].map((a) => [a.slug, a.name])),
    events: new Map(page.eventRefs.map((e) => [e.slug, e])),
    sources: new Map(page.sources.map((s) => [s.id, s])),
  };
}

export { KIND_NAMES } from "@stancemap/charts";

export function actorHref(slug: string): string {
  return `/actors/${encodeURIComponent(slug)}`;
}

export function ActorLink(props: { slug: string; lookups: PageLookups; current?: string }) {
  const name = props.lookups.names.get(props.slug) ?? props.slug;
  if (props.slug === props.current) return <strong>{name}</strong>;
  return <a href={actorHref(props.slug)}>{name}</a>;
}
