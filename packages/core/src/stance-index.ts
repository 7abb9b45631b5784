// Stances of one topic indexed by actor and sorted by start, for answering "as of a date" again and
// again (a time slider) in O(log n) per actor instead of a pass over every stance.
import { toUtcMs } from "./dates";
import { type DatedStance, holdsOn, type StanceAsOf } from "./stance-at-date";

const DAY_MS = 86_400_000;

export class StanceIndex<S extends DatedStance> {
  readonly #byActor = new Map<string, S[]>();
  /** Each stance's start as a day number, computed once (date parsing dominated the slider's cost). */
  readonly #startDay = new Map<S, number>();
  #lastDate = "";
  #lastDay = 0;

  constructor(
    stances: readonly S[],
    readonly topic: string,
  ) {
    for (const s of stances) {
      if (s.topic !== topic) continue;
      const list = this.#byActor.get(s.actor);
      if (list) list.push(s);
      else this.#byActor.set(s.actor, [s]);
    }
    for (const list of this.#byActor.values()) {
      list.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
      for (const s of list) this.#startDay.set(s, Math.round(toUtcMs(s.validFrom) / DAY_MS));
    }
  }

  /** Same answer as stanceAsOf(): the latest stance at or before `date`, unless it has ended. */
  asOf(actor: string, date: string): StanceAsOf<S> | null {
    const list = this.#byActor.get(actor);
    if (!list) return null;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as S).validFrom <= date) lo = mid + 1;
      else hi = mid;
    }
    const latest = list[lo - 1];
    if (!latest || !holdsOn(latest, date)) return null;
    if (date !== this.#lastDate) {
      this.#lastDate = date;
      this.#lastDay = Math.round(toUtcMs(date) / DAY_MS);
    }
    return { stance: latest, ageDays: this.#lastDay - (this.#startDay.get(latest) as number) };
  }
}
