// The page that opens on a network carries the actors its reactions name, beside the first screen's.
import { describe, expect, it } from "vitest";
import type { CompactActor } from "./dashboard-data";
import { withReactingActors } from "./first-screen";

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
const [afghanistan, , , c, , russia] = all as [CompactActor, CompactActor, CompactActor, CompactActor, CompactActor, CompactActor];

describe("withReactingActors", () => {
  it("adds the reacting actors and the actors reacted to, in the order of every actor", () => {
    const carried = [afghanistan, russia];
    const reactions = [
      { actor: "c", target: { actor: "russia" } },
      { actor: "russia", target: { actor: "b" } },
      { actor: "c", target: { event: "recognition" } },
    ];
    expect(withReactingActors(carried, all, reactions).map((a) => a.slug)).toEqual(["afghanistan", "b", "c", "russia"]);
  });

  it("adds nothing for reactions by carried actors to events, and never a slug it does not know", () => {
    const carried = [afghanistan, c];
    expect(withReactingActors(carried, all, [{ actor: "c", target: { event: "recognition" } }])).toEqual(carried);
    expect(withReactingActors(carried, all, [{ actor: "c", target: { actor: "nobody" } }]).map((a) => a.slug)).toEqual([
      "afghanistan",
      "c",
    ]);
    expect(withReactingActors(carried, all, [])).toEqual(carried);
  });
});
