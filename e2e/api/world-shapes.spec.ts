// The world's outlines are one static file (/data/world/{hash}.svg) the dashboard's map references with
// `<use>`: cached for a year under a name that changes with its content, and never carried by the page
// itself, neither in its markup nor in the RSC payload Next inlines. Anything but that one name is not found.
import { expect, test } from "@playwright/test";

/** The sprite the page references, and its outlines by id. */
async function spriteOf(html: string, get: (url: string) => Promise<string>) {
  const href = /<use[^>]*class="country[^"]*"[^>]*href="([^"#]+)#c\d+"|<use[^>]*href="([^"#]+)#c\d+"[^>]*class="country/.exec(html);
  const url = href?.[1] ?? href?.[2];
  expect(url, "the page draws its countries from a sprite").toMatch(/^\/data\/world\/[0-9a-f]{16}\.svg$/);
  const svg = await get(url as string);
  const paths = new Map([...svg.matchAll(/<path id="(c[\w-]+)"[^>]* d="([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
  return { url: url as string, svg, paths };
}

test.describe("the world's shapes", () => {
  test("a browser gets the sprite cached for a year, immutable, and revalidates it by its ETag", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const { url, svg, paths } = await spriteOf(html, async (u) => (await request.get(u)).text());
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const etag = res.headers().etag ?? "";
    expect(etag).toMatch(/^"world-[0-9a-f]{16}"$/);
    expect((await request.get(url, { headers: { "if-none-match": etag } })).status()).toBe(304);
    // One outline per country, Afghanistan and Russia among them, none with a fill of its own (a <use>'s fill is inherited).
    expect(paths.size).toBeGreaterThan(150);
    expect(paths.has("c004")).toBe(true);
    expect(paths.has("c643")).toBe(true);
    expect(svg).not.toMatch(/\sfill=/);
  });

  for (const name of [
    "0000000000000000.svg",
    "0123456789abcdef.json",
    "not-a-hash",
    "..%2F..%2Fetc%2Fpasswd",
    "%00.svg",
    "%E2%80%AE.svg",
    `${"f".repeat(4000)}.svg`,
  ]) {
    test(`a request for the shapes file “${name.slice(0, 24)}” is not found, named in the answer`, async ({ request }) => {
      const res = await request.get(`/data/world/${name}`);
      expect(res.status()).toBe(404);
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      const body = (await res.json()) as { detail: string };
      expect(body.detail).toContain(decodeURIComponent(name).slice(0, 40));
    });
  }

  test("the dashboard's HTML carries no country outline, in its markup or its RSC payload, and stays small", async ({ request }) => {
    const res = await request.get("/?date=2025-07-10");
    const html = await res.text();
    const { paths } = await spriteOf(html, async (u) => (await request.get(u)).text());
    expect(paths.size).toBeGreaterThan(150);
    // Every outline's start is long and particular enough to be found however the payload escapes it.
    const carried = [...paths].filter(([, d]) => html.includes(d.slice(0, 40))).map(([id]) => id);
    expect(carried, "country outlines found in the page").toEqual([]);
    // Whatever paths the page draws itself (qualifier marks, icons) are small.
    const long = [...html.matchAll(/\bd=\\?"(M[^"\\]{300,})/g)].map((m) => m[1]?.slice(0, 40));
    expect(long, "long path data in the page").toEqual([]);
    // ~150 kB now; with the outlines it was 432 kB (~140 kB of them in the markup, as much in the payload),
    // so either copy coming back fails this.
    expect(html.length).toBeLessThan(200_000);
  });
});
