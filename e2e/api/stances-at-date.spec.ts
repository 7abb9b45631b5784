// The API's answer to "who stands where on this date": dates at the precision the sources give, a
// stance that began apart from one only attested, uncertainty inside a date's window, and a reason for
// every actor without a stance.
import { expect, test } from "@playwright/test";

const POSTURE = "posture-toward-taliban-government";
const TODAY = new Date().toISOString().slice(0, 10);

interface Entry {
  actor: string;
  category: string;
  validFrom?: string;
  attested: string;
  basis: "began" | "attested";
  uncertain: boolean;
  since: string;
  ageDays: number;
}
interface Gap {
  actor: string;
  topic: string;
  kind: string;
  reason: string;
}
interface AtDate {
  data: Entry[];
  gaps: Gap[];
  page: { nextCursor: string | null };
}

test.describe("stances at a date over HTTP", () => {
  test("a client paging through any date finds every actor with a stance or a gap that says why", async ({ request }) => {
    // Other specs publish while this one reads. A publish bumps the dataset revision, so each check reads
    // the actor list, every page and the list at a date again until all of them answer from one revision.
    const revisions = new Set<string>();
    const get = async <T>(path: string): Promise<T> => {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      revisions.add(res.headers()["x-dataset-revision"] ?? "?");
      return (await res.json()) as T;
    };
    const topics: string[] = (await get<{ data: { slug: string }[] }>("/api/v1/topics")).data.map((t) => t.slug);
    for (const topic of topics)
      for (const at of ["2021-01-01", "2023-06-01", "2025-07-02", "2025-07-03", TODAY]) {
        for (let attempt = 1; ; attempt++) {
          revisions.clear();
          const actors = (await get<{ data: { slug: string }[] }>("/api/v1/actors?limit=1000")).data.map((a) => a.slug);
          expect(actors.length).toBeGreaterThanOrEqual(25);
          const held: string[] = [];
          const gaps: Gap[] = [];
          let cursor: string | null = null;
          do {
            const body: AtDate = await get(`/api/v1/stances?topic=${topic}&at=${at}&limit=9${cursor ? `&cursor=${cursor}` : ""}`);
            held.push(...body.data.map((s) => s.actor));
            gaps.push(...body.gaps);
            cursor = body.page.nextCursor;
          } while (cursor);
          // The actor list, asked for the same topic and date, says the same of each actor.
          const listed = (
            await get<{ data: { slug: string; stance?: Entry; gap?: Gap }[] }>(`/api/v1/actors?limit=1000&topic=${topic}&at=${at}`)
          ).data;
          if (revisions.size > 1 && attempt < 10) continue;
          expect(revisions.size, `${topic} ${at}: read from one revision`).toBe(1);
          for (const g of gaps) expect(g.reason.trim(), `${topic} ${at} ${g.actor}`).not.toBe("");
          expect([...held, ...gaps.map((g) => g.actor)].sort(), `${topic} ${at}`).toEqual([...actors].sort());
          expect(
            listed.filter((a) => a.stance).map((a) => a.slug),
            `${topic} ${at}`,
          ).toEqual([...held].sort());
          for (const a of listed) expect(a.stance ?? a.gap?.reason.trim(), `${topic} ${at} ${a.slug}`).toBeTruthy();
          break;
        }
      }
  });

  test("the actor list asked for a date names what is missing or unknown (400)", async ({ request }) => {
    for (const [path, parameter] of [
      [`/api/v1/actors?topic=${POSTURE}`, "at"],
      ["/api/v1/actors?at=2025-07-03", "topic"],
      ["/api/v1/actors?topic=no-such-topic&at=2025-07-03", "topic"],
      [`/api/v1/actors?topic=${POSTURE}&at=2025-02-30`, "at"],
    ]) {
      const res = await request.get(path as string);
      expect(res.status(), path).toBe(400);
      expect(
        (await res.json()).errors.map((e: { field: string }) => e.field),
        path,
      ).toContain(parameter);
    }
  });

  test("China's stance dated only to 2023 is uncertain on 1 June 2023 and absent on 31 December 2022", async ({ request }) => {
    const china = async (at: string): Promise<AtDate> =>
      (await request.get(`/api/v1/stances?topic=${POSTURE}&at=${at}&actor=china`)).json();
    const all = (await (await request.get(`/api/v1/stances?topic=${POSTURE}&actor=china`)).json()).data as Entry[];
    expect(all.map((s) => s.validFrom)).toContain("2023");
    expect((await china("2023-06-01")).data).toEqual([expect.objectContaining({ validFrom: "2023", uncertain: true, basis: "began" })]);
    expect((await china("2024-06-01")).data).toEqual([expect.objectContaining({ validFrom: "2023", uncertain: false })]);
    const before = await china("2022-12-31");
    expect(before.data).toEqual([]);
    // Not shown as engaged, and said why: an editor's note for the years before, or "no stance recorded before 2023".
    expect(before.gaps).toEqual([expect.objectContaining({ actor: "china", reason: expect.stringMatching(/\S/) })]);
  });

  test("Pakistan's posture, reported on 3 July 2025 with no start, counts from that day as attested", async ({ request }) => {
    const pakistan = async (at: string): Promise<AtDate> =>
      (await request.get(`/api/v1/stances?topic=${POSTURE}&at=${at}&actor=pakistan`)).json();
    const on = await pakistan("2025-07-03");
    expect(on.data).toEqual([expect.objectContaining({ attested: "2025-07-03", basis: "attested", since: "2025-07-03", ageDays: 0 })]);
    expect(on.data[0]).not.toHaveProperty("validFrom");
    const before = await pakistan("2025-07-02");
    expect(before.data).toEqual([]);
    expect(before.gaps[0]?.reason).toContain("3 July 2025");
  });

  test("events carry their dates at the sources' precision, with no precision field beside them", async ({ request }) => {
    const events: { slug: string; date: string }[] = (await (await request.get("/api/v1/events?limit=1000")).json()).data;
    for (const e of events) {
      expect(e, e.slug).not.toHaveProperty("datePrecision");
      expect(e.date, e.slug).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?[~?%]?$|\//);
    }
    // Year- and month-precise events are not given a first day the sources never named.
    expect(events.some((e) => /^\d{4}(-\d{2})?$/.test(e.date))).toBe(true);
  });
});
