// The outcome of a review action, where the action was taken: a refusal says why and lists the
// records in the way (stale ones, dependants) with links to fix them.
import type { ActionResult } from "./action-result";
import { editHref } from "./links";

export function ActionMessage({ result, id }: { result: ActionResult; id?: string }) {
  if (!result) return null;
  if (result.ok)
    return (
      <p className="form-ok review-form-ok" role="status" id={id}>
        {result.message}
      </p>
    );
  return (
    <div className="form-error review-form-error" role="alert" id={id}>
      <p style={{ margin: 0 }}>
        {result.status === 403 ? "Not allowed: " : result.status === 409 ? "Refused: " : ""}
        {result.message}
      </p>
      {result.stale && result.stale.length > 0 && (
        <>
          <p style={{ margin: "0.4rem 0 0" }}>Published by someone else after this draft began; reopen and merge:</p>
          <ul>
            {result.stale.map((s) => (
              <li key={`${s.type}:${s.key}`}>
                <a href={editHref(s.type, s.key)} dir="auto">
                  {s.label}
                </a>{" "}
                <span className="muted">({s.type})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.dependants && result.dependants.length > 0 && (
        <>
          <p style={{ margin: "0.4rem 0 0" }}>Still used by:</p>
          <ul>
            {result.dependants.map((d) => (
              <li key={`${d.type}:${d.key}`}>
                <a href={editHref(d.type, d.key)} dir="auto">
                  {d.label}
                </a>{" "}
                <span className="muted">({d.type})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.issues && result.issues.length > 0 && !result.stale && (
        <ul>
          {result.issues.map((i) => (
            <li key={`${i.field}:${i.message}`}>
              {i.field ? <code>{i.field}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
