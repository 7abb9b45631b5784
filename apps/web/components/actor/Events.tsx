// The events an actor took part in, as a dated list in time order.
import type { EventRef } from "@stancemap/db";
import { formatDate } from "@/components/dashboard/format";

export function Events(props: { events: readonly EventRef[]; name: string }) {
  if (props.events.length === 0) return <p className="muted">No events involving {props.name} are recorded.</p>;
  return (
    <ol className="event-list">
      {props.events.map((e) => (
        <li key={e.slug} data-event={e.slug}>
          <time dateTime={e.date} className="event-date">
            {formatDate(e.date, e.datePrecision)}
          </time>
          <span className="event-title">{e.title}</span>
        </li>
      ))}
    </ol>
  );
}
