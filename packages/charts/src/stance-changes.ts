// Stance changes as the timeline (the dashboard's and its export) marks and names them. Which stances
// are changes is core's rule (stanceChanges): a stance known only from its attestation never is.
import { type StanceChange, stanceChanges, type TimedStance } from "@stancemap/core/model";

export interface ChangeStance extends TimedStance {
  id: string;
  category: string;
}

export interface ChangeMark<S extends ChangeStance> {
  id: string;
  /** EDTF: the new stance's start, or the old one's end. */
  date: string;
  actor: string;
  kind: StanceChange<S>["kind"];
  /** The category the actor changed to, or (for an end) the one that ended. */
  category: string;
  /** "Russia: formal recognition", "Russia: limited engagement; no longer lists the Taliban as a terrorist organisation". */
  label: string;
  change: StanceChange<S>;
}

export interface ChangeNames {
  actor: (slug: string) => string;
  category: ReadonlyMap<string, string>;
  /** Qualifier key → label ("Lists the Taliban as a terrorist organisation"). */
  qualifier: ReadonlyMap<string, string>;
}

const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** How a change reads: the actor, what it changed to, and which qualifying facts came or went. */
export function changeLabel<S extends ChangeStance>(change: StanceChange<S>, names: ChangeNames): string {
  const who = names.actor(change.actor);
  const categoryOf = (s: S | null) => (s ? (names.category.get(s.category) ?? s.category.replace(/-/g, " ")) : "");
  if (change.kind === "ended") return `${who}: ${lower(categoryOf(change.from))} ended`;
  const head = `${who}: ${lower(categoryOf(change.to))}`;
  // A first stance names the facts it starts with; a later one only those that came or went.
  if (!change.qualifiersChanged && !(change.kind === "began" && change.to?.qualifiers?.length)) return head;
  const before = new Set(change.from?.qualifiers ?? []);
  const after = new Set(change.to?.qualifiers ?? []);
  const label = (k: string) => lower(names.qualifier.get(k) ?? k.replace(/-/g, " "));
  const parts = [
    ...[...after].filter((k) => !before.has(k)).map(label),
    ...[...before].filter((k) => !after.has(k)).map((k) => `no longer ${label(k)}`),
  ];
  return parts.length ? `${head}; ${parts.join("; ")}` : head;
}

/** Every stance change on the topic, in time order, with its label. */
export function changeMarks<S extends ChangeStance>(stances: readonly S[], topic: string, names: ChangeNames): ChangeMark<S>[] {
  return stanceChanges(stances, topic).map((change) => {
    const stance = (change.to ?? change.from) as S;
    return {
      id: `${change.kind === "ended" ? "end" : "s"}:${stance.id}`,
      date: change.date,
      actor: change.actor,
      kind: change.kind,
      category: stance.category,
      label: changeLabel(change, names),
      change,
    };
  });
}
