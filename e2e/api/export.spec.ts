// The export API: the published map as SVG, PNG and PDF, with its frame, bounded sizes and ETags.
import { inflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";

const MAP = "/api/v1/export/map";
const AT = "date=2025-07-03&topic=posture-toward-taliban-government";

function pngSize(body: Buffer): [number, number] {
  expect(body.subarray(1, 4).toString()).toBe("PNG");
  return [body.readUInt32BE(16), body.readUInt32BE(20)];
}

/** The text a PDF shows: pdfkit writes it as hex strings inside deflated content streams. */
function pdfText(body: Buffer): string {
  const raw = body.toString("latin1");
  let text = "";
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] as string, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const h of content.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(h[1] as string, "hex").toString("latin1");
  }
  return text;
}

test.describe("export API", () => {
  test("a publication desk gets the map as standalone SVG with title, the whole legend and the source line, and nothing that runs", async ({
    request,
  }) => {
    const response = await request.get(`${MAP}.svg?${AT}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/svg+xml");
    expect(response.headers()["content-disposition"]).toContain('filename="stancemap-posture-map-2025-07-03.svg"');
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    const topics = (await (await request.get("/api/v1/topics")).json()) as {
      data: { slug: string; title: string; categories: { label: string }[] }[];
    };
    const topic = topics.data.find((t) => t.slug === "posture-toward-taliban-government");
    expect(svg).toContain(`>${topic?.title}</text>`);
    for (const c of topic?.categories ?? []) expect(svg).toContain(`>${c.label}</text>`);
    expect(svg).toContain(">No data</text>");
    expect(svg).toMatch(/>Source: [^<]+<\/text>/);
    expect(svg).toContain("Dataset revision");
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(svg).not.toMatch(/href\s*=/i);
  });

  test("PNG comes at exactly the requested pixel size, at 1x and 2x", async ({ request }) => {
    const one = await request.get(`${MAP}.png?${AT}&width=800&height=500`);
    expect(one.status()).toBe(200);
    expect(pngSize(await one.body())).toEqual([800, 500]);
    const two = await request.get(`${MAP}.png?${AT}&preset=square&scale=2`);
    expect(pngSize(await two.body())).toEqual([2160, 2160]);
    expect(two.headers()["content-disposition"]).toContain("@2x.png");
  });

  test("PDF is one vector page of the preset's size whose text includes the title", async ({ request }) => {
    const response = await request.get(`${MAP}.pdf?${AT}&preset=a4&title=${encodeURIComponent("Who recognises the Taliban")}`);
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(body.toString("latin1")).toMatch(/\/MediaBox \[0 0 842\.25 595\.5\]/);
    expect(pdfText(body)).toContain("Who recognises the Taliban");
  });

  test("bad or oversized requests get 400 naming the parameter; unknown views 404; a current ETag 304", async ({ request }) => {
    const bad = await request.get(`${MAP}.png?scale=3`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors[0].parameter).toBe("scale");
    const huge = await request.get(`${MAP}.png?width=4000&height=4000&scale=4`);
    expect(huge.status()).toBe(400);
    expect((await huge.json()).errors[0].message).toContain("million pixels");
    expect((await request.get(`${MAP}.svg?date=2025-13-01`)).status()).toBe(400);
    expect((await request.get("/api/v1/export/globe.svg")).status()).toBe(404);
    const first = await request.get(`${MAP}.svg?${AT}`);
    const again = await request.get(`${MAP}.svg?${AT}`, { headers: { "if-none-match": first.headers().etag as string } });
    expect(again.status()).toBe(304);
  });
});
