// The actor page's head: name, local names (each in its language and direction), kind, role,
// affiliation, members and description, the way back to the dashboard, and a locator map for a country.
import { publicTitle, publisherName } from "@stancemap/charts";
import type { ActorPage } from "@stancemap/db";
import type { CompactSource } from "@/lib/dashboard-data";
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

/** A source as a short "used by" note: its publisher, or its title when it names no publisher. */
function publisherOf(s: CompactSource): string {
  return publisherName(s.publisher) ?? `“${publicTitle(s.title)}”`;
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
        {actor.aliases.length > 0 ? (
          <p className="actor-aliases">
            <span className="muted">Also known as </span>
            {actor.aliases.map((x, i) => {
              const source = x.source ? lookups.sources.get(x.source) : undefined;
              return (
                <span key={x.name}>
                  {i > 0 ? ", " : ""}
                  <span className="alias-name" lang={x.lang}>
                    {x.name}
                  </span>
                  {x.kind !== "alias" || source ? (
                    <span className="muted">
                      {" "}
                      (
                      {[
                        x.kind === "former" ? "former name" : x.kind === "abbreviation" ? "abbreviation" : "",
                        source ? `used by ${publisherOf(source)}` : "",
                      ]
                        .filter(Boolean)
                        .join(", ")}
                      )
                    </span>
                  ) : null}
                </span>
              );
            })}
          </p>
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
