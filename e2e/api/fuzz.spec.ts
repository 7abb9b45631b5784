// A bounded, seeded fuzz run in the suite: 2,000 hostile requests generated from the OpenAPI document
// over every operation and page, anonymous and as each role. No answer may be a 5xx, and no refused
// request may write (the audit log of the run's own accounts, and of nobody, stays as it was).
import { expect, test } from "@playwright/test";
import { account } from "../support/auth";
import { fuzzSessions, generate, report, runFuzz } from "./fuzz";
import type { OpenApiDoc } from "./openapi-contract";

const REQUESTS = Number(process.env.STANCEMAP_FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.STANCEMAP_FUZZ_SEED ?? 20_251_206);

test("hostile requests to every operation and page, as anyone, get no 5xx and write nothing when refused", async ({
  request,
}, testInfo) => {
  test.setTimeout(600_000);
  const baseURL = testInfo.project.use.baseURL as string;
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApiDoc;
  const requests = generate(doc, REQUESTS, SEED);
  expect(requests.length).toBeGreaterThanOrEqual(2000);
  const sessions = await fuzzSessions(baseURL, account("admin"));
  const started = performance.now();
  let printed = 0;
  // Other specs write at the same time, so the dataset revision is not ours to watch here; `npm run fuzz` does.
  const result = await runFuzz(baseURL, requests, sessions, {
    origin: baseURL,
    withRevision: false,
    onProgress: (done) => {
      if (done - printed < 500) return;
      printed = done;
      console.log(`fuzz: ${done}/${requests.length} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  console.log(`seed ${SEED}\n${report(result, requests.length, (performance.now() - started) / 1000)}`);
  expect(result.serverErrors.length, "responses >= 500 (each kind is listed above with its request)").toBe(0);
  expect(result.refusedWrites.map((w) => `${w.status} ${w.request.method} ${w.request.url.slice(0, 120)}`)).toEqual([]);
});
