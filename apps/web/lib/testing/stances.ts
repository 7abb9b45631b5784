// Test fixtures shared by the dashboard's view-model tests: a small posture scale, and actor and stance
// builders in the dashboard's compact form.
import type { CompactActor, CompactStance } from "../dashboard-data";

export const P = "posture";
export const categories = [
  { key: "formal-recognition", order: 1, label: "Formal recognition" },
  { key: "diplomatic-engagement", order: 2, label: "Diplomatic engagement" },
  { key: "active-opposition", order: 5, label: "Active opposition" },
];

export const stance = (s: Partial<CompactStance> & Pick<CompactStance, "id" | "actor" | "category" | "attested">): CompactStance => ({
  topic: P,
  validFrom: null,
  validUntil: null,
  qualifiers: [],
  confidence: "high",
  quote: null,
  speaker: null,
  publisher: null,
  sources: [],
  ...s,
});

/** An actor in the dashboard's compact form: a state with no codes, region or names unless given. */
export const actor = (slug: string, extra: Partial<CompactActor> = {}): CompactActor => ({
  slug,
  name: slug,
  kind: "state",
  iso3: null,
  isoNumeric: null,
  region: null,
  affiliation: null,
  role: null,
  names: [],
  aliases: [],
  ...extra,
});
