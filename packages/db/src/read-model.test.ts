// The reactions read by target (an actor's "reactions received", the API's `target=`) are exactly those
// aimed at that actor or event, found through the target columns' indexes.
import { describe, expect, it } from "vitest";
import { selectReactions } from "./read-model";
import { engines, seededDatabase } from "./testing/seeded";

describe.each(await engines("read model tests"))("reactions by target on $name", (engine) => {
  const seeded = seededDatabase(engine);

  it.runIf(engine.enabled)("lists every reaction to an actor, and every reaction to an event, in date order", async () => {
    const all = await selectReactions(seeded.db, { limit: 1_000_000 });
    const count = (key: (r: (typeof all)[number]) => string | undefined) => {
      const n = new Map<string, number>();
      for (const r of all) {
        const k = key(r);
        if (k) n.set(k, (n.get(k) ?? 0) + 1);
      }
      return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
    };
    const actor = count((r) => ("actor" in r.target ? r.target.actor : undefined));
    const event = count((r) => ("event" in r.target ? r.target.event : undefined));
    expect(actor && event).toBeTruthy();
    for (const target of [actor, event] as string[]) {
      const expected = all.filter((r) => ("actor" in r.target ? r.target.actor : r.target.event) === target);
      expect(await selectReactions(seeded.db, { target, limit: 1_000_000 })).toEqual(expected);
    }
    expect(await selectReactions(seeded.db, { target: "no-such-target", limit: 10 })).toEqual([]);
  });
});
