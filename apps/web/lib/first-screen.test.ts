// The page that opens on a network carries the actors its reactions name.
import { describe, expect, it } from "vitest";
import type { CompactActor } from "./dashboard-data";
import { actorsNamedBy } from "./first-screen";

const actor = (slug: string, kind = "person"): CompactActor => ({
  slug,
  name: slug,
  kind,
  iso3: null,
  isoNumeric: kind === "state" ? "004" : null,
  region: null,
  affiliation: null,
  role: null,
  names: [],
  aliases: [],
});

const all = [actor("afghanistan", "state"), actor("a"), actor("b"), actor("c"), actor("d"), actor("russia", "state")];

describe("actorsNamedBy", () => {
  it("gives the reacting actors and the actors reacted to, in the order of every actor", () => {
    const reactions = [
      { actor: "c", target: { actor: "russia" } },
      { actor: "russia", target: { actor: "b" } },
      { actor: "c", target: { event: "recognition" } },
    ];
    expect(actorsNamedBy(all, reactions).map((a) => a.slug)).toEqual(["b", "c", "russia"]);
  });

  it("names no event and no slug it does not know", () => {
    expect(actorsNamedBy(all, [{ actor: "c", target: { event: "recognition" } }]).map((a) => a.slug)).toEqual(["c"]);
    expect(actorsNamedBy(all, [{ actor: "c", target: { actor: "nobody" } }]).map((a) => a.slug)).toEqual(["c"]);
    expect(actorsNamedBy(all, [])).toEqual([]);
  });
});
