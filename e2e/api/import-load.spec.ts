// One editor's 20,000-row import must not stall the site: light requests sent while it runs are all
// answered before it finishes. Their latencies are printed beside the same requests without the import.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { importBody } from "../../packages/db/src/testing/import-rows";
import { apiAs, unique } from "../support/api-session";

const LIGHT = ["/api/health", "/api/v1/topics"];

interface Sample {
  ms: number;
  status: number;
  duringImport: boolean;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function summary(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: ms.length, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: ms.at(-1) ?? 0 };
}

/** Two clients sending light requests one after another until `until` says stop. */
async function lightLoad(api: APIRequestContext, until: () => boolean, importing: () => boolean, atLeast = 0): Promise<Sample[]> {
  const samples: Sample[] = [];
  const client = async (offset: number) => {
    for (let i = offset; !until() || samples.length < atLeast; i++) {
      const t0 = performance.now();
      const res = await api.get(LIGHT[i % LIGHT.length] as string, { timeout: 120_000 });
      samples.push({ ms: performance.now() - t0, status: res.status(), duringImport: importing() });
    }
  };
  await Promise.all([client(0), client(1)]);
  return samples;
}

test.describe("a large import and light requests", () => {
  test("a 20,000-row import runs while health and topic requests keep being answered", async ({ playwright }, testInfo) => {
    test.setTimeout(600_000);
    const baseURL = testInfo.project.use.baseURL as string;
    const editor = await apiAs(playwright, baseURL, "editor");
    const reader = await playwright.request.newContext({ baseURL });
    try {
      const body = importBody(20_000, unique());
      const idle = await lightLoad(
        reader,
        () => true,
        () => false,
        40,
      );

      let importing = true;
      const t0 = performance.now();
      const imported = editor.post("/api/v1/import?dryRun=false", { data: body, timeout: 540_000 }).finally(() => {
        importing = false;
      });
      const during = await lightLoad(
        reader,
        () => !importing,
        () => importing,
      );
      const res = await imported;
      const importMs = performance.now() - t0;
      const text = await res.text();
      expect(res.status(), text.slice(0, 500)).toBe(200);
      const result = JSON.parse(text) as { committed: boolean; draftId: string; counts: { created: number; rejected: number } };
      expect(result).toMatchObject({ committed: true, counts: { created: 20_000, rejected: 0 } });

      // Every light request was answered, and answered while the import was still in flight.
      expect(during.filter((s) => s.status !== 200)).toEqual([]);
      const answeredDuring = during.filter((s) => s.duringImport);
      expect(answeredDuring.length).toBeGreaterThanOrEqual(10);

      const a = summary(idle);
      const b = summary(answeredDuring);
      const r = (x: number, y: number) => (y > 0 ? (x / y).toFixed(1) : "n/a");
      console.log(
        `[import-load] 20,000-row import took ${(importMs / 1000).toFixed(1)} s; light requests ` +
          `without it: n=${a.n} p50 ${a.p50.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms, max ${a.max.toFixed(0)} ms; ` +
          `during it: n=${b.n} p50 ${b.p50.toFixed(0)} ms, p95 ${b.p95.toFixed(0)} ms, max ${b.max.toFixed(0)} ms; ` +
          `ratio p50 ${r(b.p50, a.p50)}x, p95 ${r(b.p95, a.p95)}x, max ${r(b.max, a.max)}x`,
      );

      // The draft is withdrawn so the review queue of the other specs stays small.
      expect((await editor.delete(`/api/v1/drafts/${result.draftId}`)).status()).toBeLessThan(300);
    } finally {
      await Promise.all([editor.dispose(), reader.dispose()]);
    }
  });
});
