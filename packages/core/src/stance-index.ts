// Stances of one topic indexed by actor and sorted by the day they count from, for answering "as of a
// date" again and again (a time slider) in O(log n) per actor instead of a pass over every stance.
import { countsFrom, type Holding, holdingOn, type TimedStance } from "./time/holding";

export class StanceIndex<S extends TimedStance> {
  readonly #byActor = new Map<string, S[]>();
  /** Each stance's first day, computed once (date parsing dominated the slider's cost). */
  readonly #start = new Map<S, string>();

  constructor(
    stances: readonly S[],
    readonly topic: string,
  ) {
    for (const s of stances) {
      if (s.topic !== topic) continue;
      this.#start.set(s, countsFrom(s));
      const list = this.#byActor.get(s.actor);
      if (list) list.push(s);
      else this.#byActor.set(s.actor, [s]);
    }
    const start = (s: S) => this.#start.get(s) as string;
    for (const list of this.#byActor.values()) {
      list.sort((a, b) => (start(a) !== start(b) ? (start(a) < start(b) ? -1 : 1) : (a.id ?? "") < (b.id ?? "") ? -1 : 1));
    }
  }

  /** Same answer as stanceAt(): the latest stance that has started by `date`, unless it has ended. */
  asOf(actor: string, date: string): Holding<S> | null {
    const list = this.#byActor.get(actor);
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#start.get(list[mid] as S) as string) <= date) lo = mid + 1;
      else hi = mid;
    }
    const latest = list[lo - 1];
    return latest ? holdingOn(latest, date) : null;
  }

  /** The actor's stances on the topic, in the order they count from. */
  stancesOf(actor: string): readonly S[] {
    return this.#byActor.get(actor) ?? [];
  }
}
