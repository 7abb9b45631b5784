import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
// Local-script names (Dari, Pashto, Urdu; Chinese) must render on any machine: fonts ship with the app,
// split by unicode-range so a browser downloads only the glyphs a page uses. Noto Sans (Latin, Cyrillic,
// Greek) is on every page; the Arabic and Chinese stylesheets only where the text has those scripts
// (FontsOnDemand, and pages that know their text, such as actor pages).
import "@fontsource/noto-sans/400.css";
import { FontsOnDemand } from "@/components/fonts/ScriptFonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stancemap", template: "%s · Stancemap" },
  description: "Who stands where on a geopolitical question, and how actors react to one another.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each gets the CSP nonce (proxy.ts).
  const embed = ((await headers()).get("x-request-path") ?? "").startsWith("/embed/");
  if (embed)
    return (
      <html lang="en">
        <body className="embed-body">
          <main>{children}</main>
          <FontsOnDemand />
        </body>
      </html>
    );
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            Stancemap
          </a>
          <nav aria-label="Site">
            <a href="/">Dashboard</a>
            <a href="/api/v1/openapi.json">API</a>
            <a href="/admin">Admin</a>
          </nav>
        </header>
        <main id="main">{children}</main>
        <FontsOnDemand />
      </body>
    </html>
  );
}
