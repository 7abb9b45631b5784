// A claim's evidence: the verbatim quote with its speaker, and the source it comes from.
import { publicTitle, publisherName } from "@stancemap/charts";
import type { Evidence } from "@stancemap/core";
import { dirAttribute, formatEdtf, type SpeakerLike, speakerName } from "@stancemap/core/model";
import type { CompactSource } from "@/lib/dashboard-data";

export function EvidenceList(props: {
  evidence: Evidence[];
  sources: ReadonlyMap<string, CompactSource>;
  speakers: ReadonlyMap<string, string>;
}) {
  return (
    <ul className="evidence">
      {props.evidence.map((e, i) => {
        const source = props.sources.get(e.source);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id; its position is its identity.
          <li key={`${e.source}-${i}`}>
            {e.quote ? (
              <blockquote>
                <p lang={e.quote.language} dir={dirAttribute(e.quote.language)}>
                  “{e.quote.text}”
                </p>
                <cite>
                  — <Speaker speaker={e.quote.speaker} names={props.speakers} />
                </cite>
                {e.quote.translation ? <p className="muted">Translation: {e.quote.translation}</p> : null}
              </blockquote>
            ) : null}
            <p className="source-line">
              Source:{" "}
              {source ? (
                <>
                  {publisherName(source.publisher) ? `${publisherName(source.publisher)}, ` : ""}
                  {source.url ? <a href={source.url}>{publicTitle(source.title)}</a> : <span>{publicTitle(source.title)}</span>}
                  {source.publishedOn ? `, ${formatEdtf(source.publishedOn)}` : ""}
                </>
              ) : (
                e.source
              )}
              {e.locator ? <span className="muted"> ({e.locator})</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** "Mumtaz Zahra Baloch, Foreign Office spokesperson": the name as printed, linked to the actor's page when linked. */
export function Speaker(props: { speaker: SpeakerLike; names: ReadonlyMap<string, string> }) {
  const { speaker, names } = props;
  const name = speakerName(speaker, (slug) => names.get(slug));
  return (
    <>
      {speaker.actor ? <a href={`/actors/${encodeURIComponent(speaker.actor)}`}>{name}</a> : name}
      {speaker.title ? `, ${speaker.title}` : ""}
    </>
  );
}
