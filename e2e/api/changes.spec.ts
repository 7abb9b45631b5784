// Change between two dates and who followed whom, over HTTP: the API's answers, hostile parameters, and
// the exports of both views in every format. Other specs publish test actors meanwhile: the checks hold
// for any extra actor (no attested-only posture is ever a change).
import { expect, test } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";
import { expectInert, pdfPage, pngSize, unzip } from "../support/files";

const POSTURE = "posture-toward-taliban-government";
const CHANGES = `/api/v1/changes?topic=${POSTURE}&from=2025-04-01&to=2025-07-03`;

interface Change {
  actor: string;
  name: string;
  movement: string;
  label: string;
  because: string;
  before: { category: string } | null;
  after: { stance: string; category: string; basis: string } | null;
  steps: { date: string; to: string | null; straddles: boolean }[];
  evidence: { stance: string; source: string; locator?: string }[];
}
interface Changes {
  counts: Record<string, number>;
  changes: Change[];
  notChanges: Change[];
  revision: number;
}
interface Sequence {
  reference: { actor: string; date: string; category: string; chosen: string } | null;
  rows: {
    actor: string;
    first: { kind: string; date: string; lag: { days: number; min: number; max: number } } | null;
    moves: { date: string; to: string | null }[];
    attested: { attested: string }[];
  }[];
  links: { actor: string; lag: { min: number; max: number } }[];
}

test.describe("change between two dates over HTTP", () => {
  test("an analyst asking who moved between 1 April and 3 July 2025 gets Russia's recognition with its evidence, and no attested-only posture", async ({
    request,
  }) => {
    const res = await request.get(CHANGES);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as Changes;
    const russia = body.changes.find((c) => c.actor === "russia");
    expect(russia).toMatchObject({
      name: "Russia",
      movement: "toward-first",
      label: "Moved toward formal recognition",
      before: { category: "diplomatic-engagement" },
      after: { category: "formal-recognition", basis: "began" },
    });
    expect(russia?.steps.at(-1)).toMatchObject({ date: "2025-07-03", to: "formal-recognition", straddles: false });
    const evidence = russia?.evidence.filter((e) => e.stance === russia.after?.stance) ?? [];
    expect(evidence.map((e) => e.source)).toContain("icwa-russia-taliban-recognition");
    expect(evidence.some((e) => e.locator)).toBe(true);
    // Nothing known only from its attestation is a change; those actors are listed apart, as such.
    expect(body.changes.filter((c) => c.movement === "attested-only" || (c.after?.basis === "attested" && !c.before))).toEqual([]);
    for (const actor of ["pakistan", "united-arab-emirates", "qatar", "iran"]) {
      expect(body.changes.map((c) => c.actor)).not.toContain(actor);
      expect(body.notChanges.find((c) => c.actor === actor)?.movement).toBe("attested-only");
    }
    expect(body.counts["attested-only"]).toBe(body.notChanges.filter((c) => c.movement === "attested-only").length);
    expect(Number(res.headers()["x-dataset-revision"])).toBeGreaterThan(0);
  });

  test("who followed whom: Russia's recognition is the reference, its steps since 1996, the attested-only actors after it", async ({
    request,
  }) => {
    const res = await request.get(`/api/v1/sequence?topic=${POSTURE}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as Sequence;
    expect(body.reference).toMatchObject({ actor: "russia", date: "2025-07-03", category: "formal-recognition", chosen: "first-to-top" });
    const [first, ...rest] = body.rows;
    expect(first?.actor).toBe("russia");
    expect(first?.moves.map((m) => m.date)).toEqual(expect.arrayContaining(["1996", "2017", "2021-08-15", "2025-07-03"]));
    expect(first?.moves[0]?.date).toBe("1996");
    const pakistan = rest.find((r) => r.actor === "pakistan");
    expect(pakistan?.first).toMatchObject({ kind: "attested", date: "2025-07-03", lag: { days: 0, min: 0, max: 0 } });
    expect(pakistan?.moves).toEqual([]);
    expect(rest.filter((r) => r.first?.kind === "attested").length).toBeGreaterThanOrEqual(9);
    expect(body.links.find((l) => l.actor === "pakistan")?.lag).toMatchObject({ min: 0, max: 2 });
    const chosen = (await (await request.get(`/api/v1/sequence?topic=${POSTURE}&reference=russia@2021-08-15`)).json()) as Sequence;
    expect(chosen.reference).toMatchObject({ actor: "russia", date: "2021-08-15", chosen: "chosen" });
  });

  test("hostile or wrong parameters get a 400 naming the field, an unknown topic a 404, never a 500", async ({ request }) => {
    const cases: [string, string][] = [
      [`/api/v1/changes?topic=${POSTURE}&from=2025-07-03&to=2025-04-01`, "from"],
      [`/api/v1/changes?topic=${POSTURE}&from=2025-02-30&to=2025-07-03`, "from"],
      [`/api/v1/changes?topic=${POSTURE}&from=2025-04-01&to=July`, "to"],
      [`/api/v1/changes?topic=${POSTURE}&from=2025-04-01`, "to"],
      [`/api/v1/changes?topic=__proto__&from=2025-04-01&to=2025-07-03`, "topic"],
      [`/api/v1/changes?topic=${"a".repeat(5000)}&from=2025-04-01&to=2025-07-03`, "topic"],
      [`/api/v1/changes?topic=${POSTURE}&from=2025-04-01&to=2025-07-03&revision=0`, "revision"],
      [`/api/v1/sequence?topic=${POSTURE}&reference=__proto__`, "reference"],
      [`/api/v1/sequence?topic=${POSTURE}&reference=russia@${"9".repeat(5000)}`, "reference"],
      [`/api/v1/sequence?topic=${POSTURE}&reference=pakistan@2025-07-03`, "reference"],
      [`/api/v1/sequence?topic=${POSTURE}&reference=russia@2025-13-01`, "reference"],
      ["/api/v1/sequence", "topic"],
    ];
    for (const [path, field] of cases) {
      const res = await request.get(path);
      expect(res.status(), path.slice(0, 120)).toBe(400);
      const body = await res.json();
      expect(
        body.errors.map((e: { field: string }) => e.field),
        path.slice(0, 120),
      ).toContain(field);
    }
    for (const path of [`/api/v1/changes?topic=no-such-topic&from=2025-04-01&to=2025-07-03`, "/api/v1/sequence?topic=no-such-topic"])
      expect((await request.get(path)).status(), path).toBe(404);
  });
});

test.describe("exports of the change and the sequence", () => {
  // Each test makes four files (a world map, a PDF page): on a busy two-core machine that takes minutes.
  test.describe.configure({ timeout: 300_000 });
  const API = "/api/v1/export";
  const CHANGE = `topic=${POSTURE}&from=2025-04-01&date=2025-07-03`;

  test("the change as SVG, PNG, PDF and ZIP: the map by movement, the list of changes, the data shown", async ({ request }) => {
    const svgRes = await request.get(`${API}/change.svg?${CHANGE}`);
    expect(svgRes.status()).toBe(200);
    expect(svgRes.headers()["content-type"]).toBe("image/svg+xml");
    expect(svgRes.headers()["content-disposition"]).toBe('inline; filename="stancemap-posture-change-2025-04-01-to-2025-07-03.svg"');
    const svg = await svgRes.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expectInert(svg);
    expect(svg).toContain("Moved toward formal recognition (1)");
    expect(svg).toMatch(/Attested only: start not stated, not a change \(\d+\)/);
    expect(svg).toContain("From diplomatic engagement without recognition to formal");
    const png = await request.get(`${API}/change.png?${CHANGE}&theme=dark`);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await png.body())).toEqual([1200, 675]);
    const pdf = await request.get(`${API}/change.pdf?${CHANGE}&preset=a4`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const page = await pdfPage(await pdf.body());
    expect(page.text).toContain("Russia");
    const zip = await request.get(`${API}/change.zip?${CHANGE}`);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    const files = unzip(await zip.body());
    const json = JSON.parse(files["stancemap-posture-change-2025-04-01-to-2025-07-03.json"] as string) as {
      columns: string[];
      data: Record<string, string | null>[];
    };
    expect(json.data.find((r) => r.actor === "russia")).toMatchObject({ movement: "toward-first", is_change: "true" });
    expect(json.data.filter((r) => r.movement === "attested-only").every((r) => r.is_change === "false")).toBe(true);
    expect(json.data.find((r) => r.actor === "pakistan")?.movement).toBe("attested-only");
    const csv = (files["stancemap-posture-change-2025-04-01-to-2025-07-03.csv"] as string).trim().split(/\r?\n/);
    expect(csv[0]).toBe(json.columns.join(","));
    expect(csv.length - 1).toBe(json.data.length);
    const meta = JSON.parse(files["metadata.json"] as string);
    expect(meta.view).toBe("change between two dates");
    expect(meta.permalink).toMatch(/\/\?topic=posture-toward-taliban-government&date=2025-07-03&from=2025-04-01&view=change$/);
  });

  test("the sequence as PNG, SVG and ZIP: Russia's recognition as reference, attested rows as attested", async ({ request }) => {
    const png = await request.get(`${API}/sequence.png?topic=${POSTURE}&date=2025-07-10`);
    expect(png.status()).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await png.body())).toEqual([1200, 675]);
    const svg = await (await request.get(`${API}/sequence.svg?topic=${POSTURE}&date=2025-07-10&theme=print`)).text();
    expectInert(svg);
    expect(svg).toContain("Reference: Russia: formal recognition, 3 July 2025");
    expect(svg).toContain("attested +0 days");
    const files = unzip(await (await request.get(`${API}/sequence.zip?topic=${POSTURE}&date=2025-07-10`)).body());
    const name = Object.keys(files).find((f) => f.endsWith(".json") && f !== "metadata.json") as string;
    expect(name).toBe("stancemap-posture-sequence-after-russia-2025-07-03.json");
    const rows = (JSON.parse(files[name] as string) as { data: Record<string, string | number | null>[] }).data;
    expect(rows.filter((r) => r.actor === "russia").map((r) => r.date)[0]).toBe("1996");
    expect(rows.find((r) => r.fact === "reference")).toMatchObject({ actor: "russia", date: "2025-07-03" });
    expect(rows.filter((r) => r.actor === "pakistan" && r.fact === "move")).toEqual([]);
    expect(rows.find((r) => r.actor === "pakistan" && r.fact === "attested")).toMatchObject({ lag_label: "+0 days" });
  });

  test("an export without its dates, or with a reference that is no move, is refused by name", async ({ request }) => {
    const cases: [string, string][] = [
      [`${API}/change.svg?topic=${POSTURE}&date=2025-07-03`, "from"],
      [`${API}/change.zip?topic=${POSTURE}&from=2025-08-01&date=2025-07-03`, "from"],
      [`${API}/change.png?topic=${POSTURE}&from=not-a-date&date=2025-07-03`, "from"],
      [`${API}/sequence.svg?topic=${POSTURE}&reference=pakistan@2025-07-03`, "reference"],
      [`${API}/sequence.zip?topic=${POSTURE}&reference=constructor`, "reference"],
    ];
    for (const [path, field] of cases) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(JSON.stringify(await res.json()), path).toContain(field);
    }
  });
});
