"use client";
import { KIND_NAMES, SENTIMENT_COLOURS, SENTIMENT_LABELS } from "@stancemap/charts";
// The selected actor: its stance at the chosen date with evidence, and the reactions it and its
// people gave. Details come from the public API, so the panel shows exactly what clients get.
import type { ActorDetail, Topic } from "@stancemap/core";
import { compareEdtf, describeHolding, formatEdtf, gapReason, stanceAt } from "@stancemap/core/model";
import { useEffect, useMemo, useState } from "react";
import type { CompactActor, CompactSource } from "@/lib/dashboard-data";
import { reactionDate } from "@/lib/reaction-date";
import { EvidenceList } from "./Evidence";

type Loaded = { slug: string; records: ActorDetail[] } | { slug: string; error: string };

export function ActorPanel(props: {
  slug: string;
  topic: Topic;
  date: string;
  actors: readonly CompactActor[];
  /** Whether `actors` is every actor (the stance index is in): until then the actor's people and what they
   * said are not all known, and the panel says it is loading rather than show part of them. */
  complete?: boolean;
  sources: ReadonlyMap<string, CompactSource>;
  /** The revision a pinned page shows: the panel reads the actor as published then. */
  revision?: number | null;
  onClose: () => void;
  onSelect: (slug: string) => void;
}) {
  const { slug, topic, date, revision, complete = true } = props;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const byslug = useMemo(() => new Map(props.actors.map((a) => [a.slug, a])), [props.actors]);
  const names = useMemo(() => new Map(props.actors.map((a) => [a.slug, a.name])), [props.actors]);
  const actor = byslug.get(slug);
  const members = useMemo(() => props.actors.filter((a) => a.affiliation === slug).map((a) => a.slug), [props.actors, slug]);

  useEffect(() => {
    if (!complete) return;
    const abort = new AbortController();
    Promise.all(
      [slug, ...members].map(async (s) => {
        const pin = revision ? `?revision=${revision}` : "";
        const res = await fetch(`/api/v1/actors/${encodeURIComponent(s)}${pin}`, { signal: abort.signal });
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
        return (await res.json()) as ActorDetail;
      }),
    )
      .then((records) => setLoaded({ slug, records }))
      .catch((error: Error) => {
        if (!abort.signal.aborted) setLoaded({ slug, error: error.message });
      });
    return () => abort.abort();
  }, [slug, members, revision, complete]);

  if (!actor) return null;
  const records = loaded && loaded.slug === slug && "records" in loaded ? loaded.records : null;
  const own = records?.[0];
  const current = own ? stanceAt(own.stances, slug, topic.slug, date) : null;
  const category = current && topic.categories.find((c) => c.key === current.stance.category);
  const gap = own?.gaps.find((g) => g.topic === topic.slug);
  const why = own && !current ? gapReason({ actor: slug, topic: topic.slug, date, stances: own.stances, gap }) : null;
  const qualifierLabel = new Map((topic.qualifiers ?? []).map((q) => [q.key, q.label]));
  const reactions = (records ?? [])
    .flatMap((r) => r.reactionsGiven)
    .sort((a, b) => compareEdtf(a.date || a.attested, b.date || b.attested));
  const affiliation = actor.affiliation ? byslug.get(actor.affiliation) : undefined;

  return (
    <section className="panel" aria-labelledby="panel-title" data-actor={slug}>
      <header className="panel-head">
        <div>
          <h2 id="panel-title">{actor.name}</h2>
          {actor.names.map((n) => (
            <div key={n.lang} className="local-name" lang={n.lang} dir={n.dir}>
              {n.name}
            </div>
          ))}
          {actor.aliases?.length ? (
            <p className="panel-aliases">
              <span className="muted">Also known as </span>
              {actor.aliases.map((x) => x.name).join(", ")}
            </p>
          ) : null}
          <p className="muted">
            {KIND_NAMES[actor.kind] ?? actor.kind}
            {actor.role ? ` · ${actor.role}` : ""}
            {affiliation ? (
              <>
                {" · "}
                <button type="button" className="link" onClick={() => props.onSelect(affiliation.slug)}>
                  {affiliation.name}
                </button>
              </>
            ) : null}
          </p>
        </div>
        <button type="button" className="close" onClick={props.onClose} aria-label="Close the actor panel">
          ×
        </button>
      </header>

      <h3>{topic.title}</h3>
      {!records && !(loaded && "error" in loaded) ? <p className="muted">Loading…</p> : null}
      {loaded && "error" in loaded && loaded.slug === slug ? <p role="alert">Could not load this actor: {loaded.error}</p> : null}
      {current && category ? (
        <div className="stance-now">
          <p className="chip">
            <span className="swatch" style={{ background: category.colour }} aria-hidden="true" />
            <strong>{category.label}</strong>
            {current.uncertain ? <span className="cue-tag">uncertain</span> : null}
            <span className="muted">{describeHolding(current, date)}</span>
          </p>
          {current.stance.qualifiers.length ? (
            <ul className="panel-qualifiers">
              {current.stance.qualifiers.map((q) => (
                <li key={q}>{qualifierLabel.get(q) ?? q}</li>
              ))}
            </ul>
          ) : null}
          <p>{current.stance.summary}</p>
          {current.stance.note ? <p className="muted">{current.stance.note}</p> : null}
          <EvidenceList evidence={current.stance.evidence} sources={props.sources} speakers={names} />
        </div>
      ) : records ? (
        <p className="muted">
          No data as of {formatEdtf(date)}. {why?.reason}
        </p>
      ) : null}

      {reactions.length > 0 ? (
        <>
          <h3>Reactions</h3>
          <ul className="reactions">
            {reactions.map((r) => (
              <li key={r.id}>
                <p>
                  <span className="sentiment" style={{ borderColor: SENTIMENT_COLOURS[r.sentiment] }}>
                    {SENTIMENT_LABELS[r.sentiment] ?? r.sentiment}
                  </span>{" "}
                  <strong>{names.get(r.actor) ?? r.actor}</strong>, {reactionDate(r)}
                </p>
                <p>{r.summary}</p>
                <EvidenceList evidence={r.evidence} sources={props.sources} speakers={names} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/actors/${slug}`}>Full record of {actor.name} →</a>
      </p>
    </section>
  );
}
