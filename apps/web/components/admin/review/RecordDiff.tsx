// Two versions of a contract record, field by field: what a reviewer reads before publishing and
// what the history compares. Plain markup (no hooks), so server pages render it without client code.
import type { ReactNode } from "react";
import { countChanged, type DiffLabels, diffRecords, type FieldDiff, type Status } from "./record-diff-model";
import "./review.css";

const STATUS_TEXT: Record<Status, string> = { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" };

function Badge({ status }: { status: Status }) {
  if (status === "unchanged") return null;
  return <span className={`rdiff-badge rdiff-badge-${status}`}>{STATUS_TEXT[status]}</span>;
}

// The hidden markers carry their own direction so that `dir="auto"` around them goes by the text itself.
function Removed({ children }: { children: ReactNode }) {
  return (
    <del className="rdiff-del">
      <span className="visually-hidden" dir="ltr">
        [removed:{" "}
      </span>
      {children}
      <span className="visually-hidden" dir="ltr">
        ]
      </span>
    </del>
  );
}

function Added({ children }: { children: ReactNode }) {
  return (
    <ins className="rdiff-ins">
      <span className="visually-hidden" dir="ltr">
        [added:{" "}
      </span>
      {children}
      <span className="visually-hidden" dir="ltr">
        ]
      </span>
    </ins>
  );
}

/** A label standing for a stored key: the key shows on hover (`Pakistan`, title `pakistan`). */
function Named({ text, stored, actor }: { text: string | null; stored: string | undefined; actor?: boolean }): ReactNode {
  if (!stored) return text;
  // A speaker linked to an actor: the name leads to the actor's page.
  if (actor)
    return (
      <a className="rdiff-named" title={stored} href={`/actors/${encodeURIComponent(stored)}`}>
        {text}
      </a>
    );
  return (
    <span className="rdiff-named" title={stored}>
      {text}
    </span>
  );
}

/** A single value is bare text so the `dir="auto"` around it reads its direction; two values are isolated from each other. */
function Value({ field }: { field: Extract<FieldDiff, { kind: "value" }> }) {
  const speaker = field.key === "speaker";
  const before = <Named text={field.before} stored={field.beforeKey} actor={speaker} />;
  const after = <Named text={field.after} stored={field.afterKey} actor={speaker} />;
  switch (field.status) {
    case "unchanged":
      return after;
    case "added":
      return <Added>{after}</Added>;
    case "removed":
      return <Removed>{before}</Removed>;
    case "changed":
      return (
        <>
          <Removed>
            <span dir="auto">{before}</span>
          </Removed>
          <span aria-hidden="true" className="rdiff-arrow">
            {" → "}
          </span>
          <Added>
            <span dir="auto">{after}</span>
          </Added>
        </>
      );
  }
}

function Content({ field }: { field: FieldDiff }) {
  switch (field.kind) {
    case "value":
      return <Value field={field} />;
    case "text":
      return (
        <div dir="auto" className="rdiff-text">
          {field.parts.map((p, i) =>
            p.kind === "added" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one comparison never reorder
              <Added key={i}>{p.text}</Added>
            ) : p.kind === "removed" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <Removed key={i}>{p.text}</Removed>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <span key={i}>{p.text}</span>
            ),
          )}
        </div>
      );
    case "object":
      return <Fields fields={field.fields} nested />;
    case "list":
      return <Items field={field} />;
  }
}

function Field({ field }: { field: FieldDiff }) {
  return (
    <div className={`rdiff-field rdiff-${field.status}`}>
      <dt>
        {field.label} <Badge status={field.status} />
      </dt>
      <dd dir={field.kind === "value" || field.kind === "text" ? "auto" : undefined}>
        <Content field={field} />
      </dd>
    </div>
  );
}

/** Nested fields show their unchanged neighbours too (muted): a quote's speaker tells which quote changed. */
function Fields({ fields, nested = false }: { fields: FieldDiff[]; nested?: boolean }) {
  return (
    <dl className={nested ? "rdiff-fields rdiff-nested" : "rdiff-fields"}>
      {fields.map((f) => (
        <Field key={f.key} field={f} />
      ))}
    </dl>
  );
}

function Item({ item }: { item: FieldDiff }) {
  return (
    <li className={`rdiff-item rdiff-${item.status}`}>
      <span className="rdiff-item-label" dir="auto" title={item.labelKey}>
        {item.label}
      </span>{" "}
      <Badge status={item.status} />
      {item.kind === "value" ? (
        item.status === "unchanged" ? null : (
          <div dir="auto">
            <Value field={item} />
          </div>
        )
      ) : (
        <Content field={item} />
      )}
    </li>
  );
}

function Items({ field }: { field: Extract<FieldDiff, { kind: "list" }> }) {
  if (field.items.length === 0) return <span className="muted">none</span>;
  const moved = field.items.filter((i) => i.status !== "unchanged");
  const same = field.items.filter((i) => i.status === "unchanged");
  // Scalar lists (an event's actors) are short: show them whole. Unchanged records in a list fold away.
  const scalar = field.items.every((i) => i.kind === "value");
  if (scalar || moved.length === 0 || same.length === 0)
    return (
      <ul className="rdiff-items">
        {field.items.map((i) => (
          <Item key={i.key} item={i} />
        ))}
      </ul>
    );
  return (
    <>
      <ul className="rdiff-items">
        {moved.map((i) => (
          <Item key={i.key} item={i} />
        ))}
      </ul>
      <details className="rdiff-more">
        <summary>
          {same.length} unchanged {same.length === 1 ? "item" : "items"}
        </summary>
        <ul className="rdiff-items">
          {same.map((i) => (
            <Item key={i.key} item={i} />
          ))}
        </ul>
      </details>
    </>
  );
}

export function RecordDiff({
  before,
  after,
  beforeLabel = "before",
  afterLabel = "after",
  labels = null,
}: {
  before: unknown | null;
  after: unknown | null;
  beforeLabel?: string;
  afterLabel?: string;
  /** Names for the keys the records hold; without them keys show as stored. */
  labels?: DiffLabels | null;
}) {
  const { status, fields } = diffRecords(before, after, labels);
  const changed = fields.filter((f) => f.status !== "unchanged");
  const same = fields.filter((f) => f.status === "unchanged");
  return (
    <div className="rdiff">
      <p className="rdiff-legend">
        {status === "added" ? (
          <>
            New record: nothing in <strong>{beforeLabel}</strong>; every field is added in <strong>{afterLabel}</strong>.
          </>
        ) : status === "removed" ? (
          <>
            Deleted: the record in <strong>{beforeLabel}</strong> is gone in <strong>{afterLabel}</strong>.
          </>
        ) : status === "unchanged" ? (
          <>
            No differences between <strong>{beforeLabel}</strong> and <strong>{afterLabel}</strong>.
          </>
        ) : (
          <>
            {countChanged(fields)} of {fields.length} fields differ. <span className="rdiff-del rdiff-key">Struck out</span>: only in{" "}
            <strong>{beforeLabel}</strong>. <span className="rdiff-ins rdiff-key">Underlined</span>: only in <strong>{afterLabel}</strong>.
          </>
        )}
      </p>
      {changed.length > 0 && <Fields fields={changed} />}
      {same.length > 0 &&
        (changed.length === 0 ? (
          <Fields fields={same} />
        ) : (
          <details className="rdiff-more">
            <summary>
              {same.length} unchanged {same.length === 1 ? "field" : "fields"}
            </summary>
            <Fields fields={same} />
          </details>
        ))}
    </div>
  );
}
