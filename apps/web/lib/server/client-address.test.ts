// The address sign-in throttling counts, the cross-site rule for server actions and HSTS, from real
// Request objects as Next hands them over.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const load = async (env: Record<string, string>) => {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return {
    ...(await import("./client-address")),
    ...(await import("./same-origin")),
    proxy: (await import("../../proxy")).proxy,
  };
};

afterEach(() => vi.unstubAllEnvs());

const req = (headers: Record<string, string>, method = "GET", url = "http://127.0.0.1:3000/admin") => new Request(url, { method, headers });

describe("client address", () => {
  it("a client's own X-Forwarded-For is never believed without trusted proxies", async () => {
    const { clientAddress } = await load({ STANCEMAP_TRUSTED_PROXIES: "" });
    expect(clientAddress(new Headers({ "x-stancemap-peer-address": "::ffff:192.0.2.5", "x-forwarded-for": "203.0.113.9" }))).toBe(
      "192.0.2.5",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
  });

  it("a malformed STANCEMAP_TRUSTED_PROXIES stops the server at start, naming the setting", async () => {
    await expect(load({ STANCEMAP_TRUSTED_PROXIES: "10.0.0.0/33" })).rejects.toThrow(/STANCEMAP_TRUSTED_PROXIES|CIDR/);
    await expect(load({ STANCEMAP_TRUSTED_PROXIES: "proxy.internal" })).rejects.toThrow();
  });

  it("behind a trusted proxy, the first address from the right that is not a proxy is the client's", async () => {
    const { clientAddress } = await load({ STANCEMAP_TRUSTED_PROXIES: "10.0.0.0/8, ::1" });
    const h = (xff: string) => new Headers({ "x-stancemap-peer-address": "10.0.0.2", "x-forwarded-for": xff });
    expect(clientAddress(h("198.51.100.7, 203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(h("198.51.100.7, 203.0.113.9, 10.1.1.1"))).toBe("203.0.113.9");
    expect(clientAddress(h("not-an-address"))).toBe("10.0.0.2");
  });
});

describe("proxy.ts", () => {
  it("refuses a cookie-borne write to a page without this site's Origin, and any foreign Origin", async () => {
    const { proxy } = await load({});
    const { NextRequest } = await import("next/server");
    const post = (headers: Record<string, string>) => proxy(new NextRequest(req(headers, "POST")));
    expect(post({ cookie: "a=b", host: "127.0.0.1:3000" }).status).toBe(403);
    expect(post({ cookie: "a=b", origin: "null", host: "127.0.0.1:3000" }).status).toBe(403);
    expect(post({ origin: "http://evil.example", host: "127.0.0.1:3000" }).status).toBe(403);
    expect(post({ cookie: "a=b", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }).status).toBe(200);
  });

  it("sends HSTS only when the public URL is https", async () => {
    const plain = await load({ STANCEMAP_PUBLIC_URL: "http://localhost:3000" });
    const { NextRequest } = await import("next/server");
    expect(plain.proxy(new NextRequest(req({}))).headers.get("strict-transport-security")).toBeNull();
    const secure = await load({ STANCEMAP_PUBLIC_URL: "https://stancemap.example.org" });
    const { NextRequest: R } = await import("next/server");
    expect(secure.proxy(new R(req({}))).headers.get("strict-transport-security")).toContain("max-age=31536000");
  });
});
