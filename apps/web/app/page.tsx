// The dashboard's first page: topics with their scales and every actor's current stance, read
// from the database on the server. The D3 map, network and timeline build on this.
import type { Actor, StanceAsOfItem, Topic } from "@stancemap/core";
import { todayIso, topicMapAt } from "@stancemap/core";
import { getDb, listActors, listTopics, stancesAsOf } from "@stancemap/db";

export const dynamic = "force-dynamic";

const KIND_LABELS: Record<Actor["kind"], string> = {
  state: "States",
  organisation: "International organisations",
  "government-in-fact": "Governments in fact",
  "former-government": "Former government",
  institution: "Ministries and institutions",
  group: "Political and armed groups",
  "civil-society": "Civil society",
  bloc: "Blocs",
  person: "People",
};

async function loadAll(date: string) {
  const db = getDb();
  const [{ data: topics }, actors] = await Promise.all([listTopics(db), listActors(db, { limit: 1000 })]);
  const snapshots = await Promise.all(topics.map((t) => stancesAsOf(db, { topic: t.slug, at: date, limit: 1000 })));
  return { topics, actors: actors.data, snapshots };
}

function CategoryChip({ topic, stance }: { topic: Topic; stance: StanceAsOfItem | undefined }) {
  const category = stance && topic.categories.find((c) => c.key === stance.category);
  if (!stance || !category) return <span className="muted">No data</span>;
  return (
    <span className="chip">
      <span className="swatch" style={{ background: category.colour }} aria-hidden="true" />
      {category.label}
      <span className="muted">since {stance.validFrom}</span>
    </span>
  );
}

export default async function HomePage() {
  const date = todayIso();
  const { topics, actors, snapshots } = await loadAll(date);
  const byKind = new Map<Actor["kind"], Actor[]>((Object.keys(KIND_LABELS) as Actor["kind"][]).map((k) => [k, []]));
  for (const actor of actors) byKind.get(actor.kind)?.push(actor);
  for (const [kind, list] of byKind) if (list.length === 0) byKind.delete(kind);
  const stanceFor = (topicIndex: number, slug: string) => snapshots[topicIndex]?.data.find((s) => s.actor === slug);

  return (
    <>
      <h1>Who stands where on the Taliban government</h1>
      <p className="lede">
        The world’s reaction to Russia’s recognition of the Islamic Emirate of Afghanistan on 3 July 2025: {actors.length} actors, each
        stance dated and tied to its source. As of {date}.
      </p>

      <h2>Topics</h2>
      <div className="topics">
        {topics.map((topic, i) => {
          const map = topicMapAt({
            topic: topic.slug,
            categories: topic.categories,
            actors,
            stances: snapshots[i]?.data ?? [],
            date,
          });
          return (
            <section className="card" key={topic.slug} aria-labelledby={`topic-${topic.slug}`}>
              <h3 id={`topic-${topic.slug}`}>{topic.title}</h3>
              <p className="muted">{topic.question}</p>
              <ul className="scale">
                {map.legend.map((item) => (
                  <li key={item.key}>
                    <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
                    {item.label}
                    <span className="count">{item.count}</span>
                  </li>
                ))}
                <li>
                  <span className="swatch" style={{ background: "var(--nodata)" }} aria-hidden="true" />
                  No data
                  <span className="count">{map.noData}</span>
                </li>
              </ul>
            </section>
          );
        })}
      </div>

      <h2>Actors</h2>
      {[...byKind.entries()].map(([kind, list]) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h3 id={`kind-${kind}`}>
            {KIND_LABELS[kind]} <span className="muted">({list.length})</span>
          </h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Actor</th>
                  {topics.map((t) => (
                    <th scope="col" key={t.slug}>
                      {t.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.map((actor) => (
                  <tr key={actor.slug} data-actor={actor.slug}>
                    <th scope="row">
                      <a href={`/api/v1/actors/${actor.slug}`}>{actor.name}</a>
                      {actor.names.slice(0, 1).map((n) => (
                        <span key={n.lang}>
                          {" "}
                          <span className="local-name" lang={n.lang} dir={n.dir}>
                            {n.name}
                          </span>
                        </span>
                      ))}
                      {actor.role ? <div className="muted">{actor.role}</div> : null}
                    </th>
                    {topics.map((t, i) => (
                      <td key={t.slug}>
                        <CategoryChip topic={t} stance={stanceFor(i, actor.slug)} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
