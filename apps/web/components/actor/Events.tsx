// The events an actor took part in, as a dated list in time order.

import { formatEdtf } from "@stancemap/core/model";
import type { EventRef } from "@stancemap/db";
import { htmlDate } from "@/lib/html-date";

export function Events(props: { events: readonly EventRef[]; name: string }) {
  if (props.events.length === 0) return <p className="muted">No events involving {props.name} are recorded.</p>;
  return (
    <ol className="event-list">
      {props.events.map((e) => (
        <li key={e.slug} data-event={e.slug}>
          <time dateTime={htmlDate(e.date)} className="event-date">
            {formatEdtf(e.date)}
          </time>
          <span className="event-title">{e.title}</span>
        </li>
      ))}
    </ol>
  );
}
