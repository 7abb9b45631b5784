// The actor page's head: name, local names (each in its language and direction), kind, role,
// affiliation, members and description, the way back to the dashboard, and a locator map for a country.
import type { ActorPage } from "@stancemap/db";
import { LocatorMap } from "./LocatorMap";
import { ActorLink, actorHref, KIND_NAMES, type PageLookups } from "./lookups";

const languages = new Intl.DisplayNames(["en"], { type: "language" });
function languageName(tag: string): string {
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function ActorHeader(props: { page: ActorPage; lookups: PageLookups }) {
  const { actor, members } = props.page;
  const { lookups } = props;
  const facts = [KIND_NAMES[actor.kind] ?? actor.kind, actor.region, actor.iso3].filter(Boolean).join(" · ");
  return (
    <header className="actor-head">
      <div className="actor-head-text">
        <p className="actor-eyebrow">{facts}</p>
        <h1>{actor.name}</h1>
        {actor.names.length > 0 ? (
          <ul className="local-names" aria-label="Local names">
            {actor.names.map((n) => (
              <li key={n.lang}>
                <span className="local-name-text" lang={n.lang} dir={n.dir}>
                  {n.name}
                </span>
                <span className="local-name-lang">{languageName(n.lang)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {actor.role || actor.affiliation ? (
          <p className="actor-role">
            {actor.role ? <span>{actor.role}</span> : null}
            {actor.role && actor.affiliation ? <span aria-hidden="true"> · </span> : null}
            {actor.affiliation ? (
              <span>
                {actor.role ? "" : "Part of "}
                <ActorLink slug={actor.affiliation} lookups={lookups} />
              </span>
            ) : null}
          </p>
        ) : null}
        {actor.description ? <p className="actor-description">{actor.description}</p> : null}
        {members.length > 0 ? (
          <p className="actor-members">
            <span className="muted">Members: </span>
            {members.map((m, i) => (
              <span key={m.slug}>
                {i > 0 ? ", " : ""}
                <a href={actorHref(m.slug)}>{m.name}</a>
              </span>
            ))}
          </p>
        ) : null}
        <p className="actor-actions">
          <a className="button-link" href={`/?actor=${encodeURIComponent(actor.slug)}`}>
            See {actor.name} on the dashboard
          </a>
          <a className="button-link button-quiet" href={`/api/v1/actors/${encodeURIComponent(actor.slug)}`}>
            Record as JSON
          </a>
        </p>
      </div>
      {actor.isoNumeric ? <LocatorMap isoNumeric={actor.isoNumeric} name={actor.name} /> : null}
    </header>
  );
}
