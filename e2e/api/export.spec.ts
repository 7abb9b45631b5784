// The export API: every view (map, network, timeline, an actor's stance history) as SVG, PNG and PDF
// with its frame, and the data it shows as a ZIP; bounded sizes, ETags and a cache by revision.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { reactionCountsFrom } from "@stancemap/core/model";
import { XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";
import { expectInert, pdfPage, pngDpi, pngSize, unzip } from "../support/files";

const API = "/api/v1/export";
const TOPIC = "posture-toward-taliban-government";
const AT = `date=2025-07-03&topic=${TOPIC}`;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);

type Topic = { slug: string; title: string; categories: { label: string }[] };

test.describe("export API", () => {
  let topic: Topic;
  test.beforeAll(async ({ request }) => {
    const topics = (await (await request.get("/api/v1/topics")).json()) as { data: Topic[] };
    topic = topics.data.find((t) => t.slug === TOPIC) as Topic;
  });

  const views = [
    { view: "map", query: AT, legend: () => [...topic.categories.map((c) => c.label), "No data"], title: () => topic.title },
    {
      view: "network",
      query: AT,
      legend: () => ["Supportive", "Neutral", "Concerned", "Critical", "Person", "Event"],
      title: () => "Who reacted to whom",
    },
    { view: "timeline", query: AT, legend: () => topic.categories.map((c) => c.label), title: () => "Events and stance changes" },
    {
      view: "actor",
      query: `${AT}&actor=russia`,
      legend: () => topic.categories.map((c) => c.label),
      title: () => `Russia: ${topic.title}`,
    },
  ];

  for (const v of views) {
    test(`the ${v.view} comes as standalone SVG with title, the whole legend, the source line and the revision, fonts embedded, nothing that runs`, async ({
      request,
    }) => {
      const response = await request.get(`${API}/${v.view}.svg?${v.query}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/svg+xml");
      const svg = await response.text();
      expect(XMLValidator.validate(svg)).toBe(true);
      const all = texts(svg);
      expect(all).toContain(v.title());
      // Each legend entry with its count, as the dashboard's legend has it: "Formal recognition (1)".
      for (const label of v.legend())
        expect(
          all.filter((t) => t.startsWith(`${label} (`)),
          label,
        ).toHaveLength(1);
      expect(all.join(" ")).toMatch(/Source: [^;]+/);
      expect(all.join(" ")).toMatch(/Dataset revision \d+/);
      expect(svg).toMatch(/@font-face\{font-family:'Noto Sans';[^}]*font-weight:700;src:url\(data:font\/woff2;base64,/);
      expectInert(svg);
    });
  }

  test("text=outline: each view's SVG draws its letters as paths that rsvg-convert shows as the API's PNG does, title and description kept", async ({
    request,
  }) => {
    const rsvg = spawnSync("rsvg-convert", ["--version"]);
    test.skip(rsvg.status !== 0, "rsvg-convert is not installed (Debian: apt-get install librsvg2-bin)");
    const dir = mkdtempSync(join(tmpdir(), "stancemap-e2e-outline-"));
    for (const v of views) {
      const response = await request.get(`${API}/${v.view}.svg?${v.query}&text=outline&preset=a4`);
      expect(response.status()).toBe(200);
      const svg = await response.text();
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(texts(svg)).toEqual([]);
      expect(svg).not.toContain("@font-face");
      expect(svg).toContain(`<title id="export-title">${v.title()}</title>`);
      expect(svg).toMatch(/<desc id="export-desc">[^<]+<\/desc>/);
      expect(svg).toMatch(/<svg [^>]*aria-label="[^"]+"/);
      expectInert(svg);
      // rsvg-convert ignores embedded fonts; with the letters as paths it draws what resvg (the PNG) draws.
      const file = join(dir, `${v.view}.svg`);
      writeFileSync(file, svg);
      const byRsvg = PNG.sync.read(execFileSync("rsvg-convert", ["-w", "1123", "-h", "794", "-b", "white", file]));
      const byResvg = PNG.sync.read(await (await request.get(`${API}/${v.view}.png?${v.query}&preset=a4&scale=1`)).body());
      expect([byRsvg.width, byRsvg.height]).toEqual([byResvg.width, byResvg.height]);
      // Share of 4 × 4 squares whose mean differs by more than 32/255 in some channel (a hatch's lines
      // fall a fraction of a pixel apart in the two renderers; letters in another font would not): < 1%.
      let differ = 0;
      let all = 0;
      for (let y = 0; y + 4 <= byRsvg.height; y += 4)
        for (let x = 0; x + 4 <= byRsvg.width; x += 4) {
          all++;
          for (let c = 0; c < 4; c++) {
            let d = 0;
            for (let j = 0; j < 16; j++) {
              const at = ((y + Math.floor(j / 4)) * byRsvg.width + x + (j % 4)) * 4 + c;
              d += (byRsvg.data[at] as number) - (byResvg.data[at] as number);
            }
            if (Math.abs(d / 16) > 32) {
              differ++;
              break;
            }
          }
        }
      console.log(`${v.view}: ${((differ / all) * 100).toFixed(2)}% of 4 × 4 squares differ between rsvg-convert and the API's PNG`);
      expect(differ / all).toBeLessThan(0.01);
    }
  });

  test("the map names the actors without territory its legend counts, and a source line a desk prints", async ({ request }) => {
    const svg = await (await request.get(`${API}/map.svg?${AT}`)).text();
    const all = texts(svg).map((t) => t.replace(/&amp;/g, "&"));
    for (const name of ["United Nations", "UN Security Council", "Western governments", "Afghanistan Freedom Front"])
      expect(all).toContain(name);
    const source = all.slice(all.findIndex((t) => t.startsWith("Source:"))).join(" ");
    expect(source).toMatch(/ via ICWA/);
    expect(source).not.toMatch(/not named|descriptive/i);
    const network = texts(await (await request.get(`${API}/network.svg?${AT}`)).text());
    expect(network.join(" ")).not.toMatch(/\b1 (actors|events|reactions)\b/);
  });

  test("file names say what they are", async ({ request }) => {
    const names = await Promise.all(
      [`map.svg?${AT}`, `network.pdf?${AT}`, `timeline.png?${AT}&scale=2`, `actor.svg?${AT}&actor=russia`, `map.zip?${AT}`].map(
        async (f) => (await request.get(`${API}/${f}`)).headers()["content-disposition"],
      ),
    );
    expect(names).toEqual([
      'inline; filename="stancemap-posture-map-2025-07-03.svg"',
      'inline; filename="stancemap-posture-network-2025-07-03.pdf"',
      'inline; filename="stancemap-posture-timeline-2025-07-03@2x.png"',
      'inline; filename="stancemap-posture-history-russia-2025-07-03.svg"',
      'attachment; filename="stancemap-posture-map-2025-07-03-data.zip"',
    ]);
  });

  test("PNG comes at exactly the requested pixel size: 1x, 2x, 4x, and print presets at 300 dpi", async ({ request }) => {
    const one = await request.get(`${API}/map.png?${AT}&width=800&height=500`);
    expect(one.status()).toBe(200);
    expect(pngSize(await one.body())).toEqual([800, 500]);
    const two = await request.get(`${API}/network.png?${AT}&preset=square&scale=2`);
    expect(pngSize(await two.body())).toEqual([2160, 2160]);
    expect(two.headers()["content-disposition"]).toContain("@2x.png");
    const four = await request.get(`${API}/timeline.png?${AT}&width=600&height=400&scale=4`);
    expect(pngSize(await four.body())).toEqual([2400, 1600]);
    // A4 landscape is 1123 × 794 CSS pixels (96 to the inch); at 300 dpi that is 3509 × 2481.
    const a4 = await request.get(`${API}/map.png?${AT}&preset=a4&dpi=300`);
    expect(pngSize(await a4.body())).toEqual([3509, 2481]);
    // The density is recorded, so layout software places it at 297 × 210 mm; 2x records 192 dpi.
    expect(pngDpi(await a4.body())).toBe(300);
    expect(pngDpi(await two.body())).toBe(192);
    expect(a4.headers()["content-disposition"]).toContain("@300dpi.png");
    const column = await request.get(`${API}/actor.png?${AT}&actor=russia&preset=column&dpi=300`);
    // One column, 89 × 120 mm: 336 × 454 CSS pixels, 1050 × 1419 at 300 dpi.
    expect(pngSize(await column.body())).toEqual([1050, 1419]);
  });

  test("PDF is one vector page of the requested size whose text, as a reader extracts it, includes the title", async ({ request }) => {
    const title = "Who recognises the Taliban, and Türkiye’s view";
    const a4 = await request.get(`${API}/map.pdf?${AT}&preset=a4&title=${encodeURIComponent(title)}`);
    expect(a4.status()).toBe(200);
    const body = await a4.body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    const page = await pdfPage(body);
    // A4 landscape: 297 × 210 mm is 842 × 595 pt.
    expect(Math.round(page.width)).toBe(842);
    expect(Math.round(page.height)).toBe(596);
    expect(page.text).toContain(title);
    expect(page.text).toContain("Dataset revision");
    // Vector: drawn with paths and text, no picture inside.
    expect(body.toString("latin1")).not.toMatch(/\/Subtype\s*\/Image/);
    const network = await pdfPage(await (await request.get(`${API}/network.pdf?${AT}&width=1000&height=800`)).body());
    expect([network.width, network.height]).toEqual([750, 600]);
    expect(network.text).toContain("Who reacted to whom");
  });

  test("the data download holds exactly the rows the view shows, as CSV and JSON, with sources, licence, revision and columns", async ({
    request,
  }) => {
    const all = unzip(await (await request.get(`${API}/map.zip?${AT}`)).body());
    expect(Object.keys(all).sort()).toEqual([
      "README.txt",
      "metadata.json",
      "stancemap-posture-map-2025-07-03.csv",
      "stancemap-posture-map-2025-07-03.json",
    ]);
    const json = JSON.parse(all["stancemap-posture-map-2025-07-03.json"] as string) as {
      columns: string[];
      data: Record<string, string>[];
    };
    const csvLines = (all["stancemap-posture-map-2025-07-03.csv"] as string).trim().split(/\r?\n/);
    expect(csvLines[0]).toBe(json.columns.join(","));
    expect(csvLines.length - 1).toBe(json.data.length);
    const russia = json.data.find((r) => r.actor === "russia");
    expect(russia?.category).toBe("formal-recognition");
    expect(russia?.since).toBe("2025-07-03");
    const meta = JSON.parse(all["metadata.json"] as string);
    expect(meta.datasetRevision).toEqual(expect.any(Number));
    expect(meta.licence).toBe("Data CC BY 4.0");
    expect(meta.permalink).toMatch(/\/\?topic=posture-toward-taliban-government&date=2025-07-03$/);
    expect(meta.columns.map((c: { key: string }) => c.key)).toEqual(json.columns);
    expect(meta.sources.length).toBeGreaterThan(0);
    expect(meta.sources[0]).toEqual(expect.objectContaining({ title: expect.any(String) }));
    // Publishers as a desk prints them: no editor's note; endnote sources name the paper citing them.
    const readme = all["README.txt"] as string;
    expect(readme).not.toMatch(/not named|descriptive/i);
    expect(JSON.stringify(meta.sources)).not.toMatch(/not named|descriptive/i);

    // After the filters: a region, or kinds, keeps only those actors' rows, and the picture says so.
    const region = json.data.find((r) => r.region)?.region as string;
    const inRegion = json.data.filter((r) => r.region === region).length;
    const filtered = unzip(await (await request.get(`${API}/map.zip?${AT}&region=${encodeURIComponent(region)}`)).body());
    const rows = (JSON.parse(filtered["stancemap-posture-map-2025-07-03.json"] as string) as { data: { region: string }[] }).data;
    expect(rows.length).toBe(inRegion);
    expect(rows.every((r) => r.region === region)).toBe(true);
    const svg = await (await request.get(`${API}/map.svg?${AT}&region=${encodeURIComponent(region)}`)).text();
    expect(svg).toContain(`Showing only region ${region}`);

    // The network's rows are its reactions up to the date, after the sentiment filter.
    const net = unzip(await (await request.get(`${API}/network.zip?${AT}&sent=critical`)).body());
    const reactions = (
      JSON.parse(net["stancemap-posture-network-2025-07-03.json"] as string) as {
        data: { sentiment: string; date: string | null; attested: string }[];
      }
    ).data;
    expect(reactions.length).toBeGreaterThan(0);
    // A reaction counts from the first day of its date, or of its first report when its date is not stated.
    expect(reactions.every((r) => r.sentiment === "critical" && reactionCountsFrom(r) <= "2025-07-03")).toBe(true);
  });

  test("bad or oversized requests get 400 naming the parameter; unknown views, actors and topics 404; a current ETag 304; repeats come from the cache", async ({
    request,
  }) => {
    const bad = await request.get(`${API}/map.png?scale=3`);
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toContain("application/problem+json");
    expect((await bad.json()).errors[0].field).toBe("scale");
    const huge = await request.get(`${API}/map.png?width=4000&height=4000&scale=4`);
    expect(huge.status()).toBe(400);
    expect((await huge.json()).errors[0].message).toContain("million pixels");
    expect((await (await request.get(`${API}/map.png?dpi=2000`)).json()).errors[0].field).toBe("dpi");
    expect((await (await request.get(`${API}/map.svg?kind=State,x`)).json()).errors[0].field).toBe("kind");
    const noActor = await request.get(`${API}/actor.svg?${AT}`);
    expect(noActor.status()).toBe(400);
    expect((await noActor.json()).errors[0].field).toBe("actor");
    expect((await request.get(`${API}/map.svg?date=2025-13-01`)).status()).toBe(400);
    expect((await request.get(`${API}/globe.svg`)).status()).toBe(404);
    expect((await request.get(`${API}/map.svg.png`)).status()).toBe(404);
    expect((await request.get(`${API}/actor.svg?${AT}&actor=nobody-here`)).status()).toBe(404);
    expect((await request.get(`${API}/timeline.svg?${AT}&actor=nobody-here`)).status()).toBe(404);
    const unknown = await request.get(`${API}/map.svg?${AT}&colour=red`);
    expect(unknown.status()).toBe(400);
    expect((await unknown.json()).errors[0].field).toBe("colour");
    // A dashboard link's own query is accepted as it is.
    expect((await request.get(`${API}/map.svg?${AT}&view=map&q=russia&cat=formal-recognition`)).status()).toBe(200);
    expect((await request.get(`${API}/map.svg?topic=no-such-topic`)).status()).toBe(404);

    const query = `${API}/timeline.svg?${AT}&title=${Date.now()}`;
    const first = await request.get(query);
    expect(first.headers()["x-export-cache"]).toBe("miss");
    // The same request spelled differently (parameters in another order) is the same file.
    const second = await request.get(`${API}/timeline.svg?title=${new URL(query, "http://x").searchParams.get("title")}&${AT}`);
    expect(second.headers()["x-export-cache"]).toBe("hit");
    expect(second.headers().etag).toBe(first.headers().etag);
    expect(await second.text()).toBe(await first.text());
    const again = await request.get(query, { headers: { "if-none-match": first.headers().etag as string } });
    expect(again.status()).toBe(304);
    // No date is today's, and is named in the key: after midnight the file is made anew, not yesterday's.
    const title = `today-${Date.now()}`;
    const today = new Date().toISOString().slice(0, 10);
    const undated = await request.get(`${API}/map.svg?title=${title}`);
    const dated = await request.get(`${API}/map.svg?title=${title}&date=${today}`);
    test.skip(today !== new Date().toISOString().slice(0, 10), "the day changed during the requests");
    expect(dated.headers()["x-export-cache"]).toBe("hit");
    expect(dated.headers().etag).toBe(undated.headers().etag);
  });
});
