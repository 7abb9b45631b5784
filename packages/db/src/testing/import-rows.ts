// A deterministic import body of any size for scale tests: new sources, and stances citing them on
// the curated topic, in the dataset files' JSON shape (`{"sources": [...], "stances": [...]}`).
const ACTORS = ["russia", "pakistan", "china", "iran", "qatar", "uzbekistan"];
const TOPIC = "posture-toward-taliban-government";
const CATEGORIES = ["formal-recognition", "active-opposition"];

export function importBody(rows: number, tag: string): { sources: object[]; stances: object[] } {
  const sourceCount = Math.max(1, Math.floor(rows / 3));
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `bulk-${tag}-source-${i}`,
    publisher: "Bulk Desk",
    title: `Bulk statement ${i}`,
    reliability: "Generated for a scale test.",
  }));
  const stances = Array.from({ length: rows - sourceCount }, (_, i) => ({
    id: `bulk-${tag}-stance-${i}`,
    actor: ACTORS[i % ACTORS.length],
    topic: TOPIC,
    category: CATEGORIES[i % CATEGORIES.length],
    validFrom: `19${String(10 + (i % 80)).padStart(2, "0")}`,
    attested: `19${String(10 + (i % 80)).padStart(2, "0")}`,
    confidence: "low",
    summary: `Generated stance ${i} for a scale test.`,
    evidence: [{ source: `bulk-${tag}-source-${i % sourceCount}`, locator: `p. ${i}` }],
  }));
  return { sources, stances };
}
