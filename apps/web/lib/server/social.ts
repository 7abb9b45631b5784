// Social cards: Open Graph and Twitter card tags for a page, their picture a 1200 × 630 PNG of the page's
// view from the export API (preset "social": the same renderer, cached by dataset revision like every
// export). Links are absolute, on the origin exports print (origins.ts), never a client's Host.
import "server-only";
import type { Metadata } from "next";
import type { ExportView } from "@/lib/export/views";
import { pageOrigin } from "./origins";

export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

export interface SocialCard {
  title: string;
  description: string;
  /** The page's path (with its query), for og:url. */
  path: string;
  /** The view drawn on the card, and the export API's query for it (the view's state). */
  view: ExportView;
  query: Record<string, string>;
  /** The picture's alt text. */
  alt: string;
}

export async function socialMetadata(card: SocialCard): Promise<Metadata> {
  const origin = await pageOrigin();
  const query = new URLSearchParams({ ...card.query, preset: "social" });
  const image = { url: `${origin}/api/v1/export/${card.view}.png?${query}`, ...SOCIAL_SIZE, alt: card.alt, type: "image/png" };
  return {
    openGraph: {
      type: "website",
      siteName: "Stancemap",
      title: card.title,
      description: card.description,
      url: `${origin}${card.path}`,
      images: [image],
    },
    twitter: { card: "summary_large_image", title: card.title, description: card.description, images: [{ url: image.url, alt: card.alt }] },
  };
}
