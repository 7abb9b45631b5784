// Colours that do not depend on the data: no data, sentiment, actor kinds.
import { lookupTable } from "@stancemap/core/model";

export const NO_DATA_FILL = "#d6d6d6";

/** Okabe–Ito, distinguishable with the common colour-vision deficiencies. */
export const SENTIMENT_COLOURS: Readonly<Record<string, string>> = lookupTable({
  supportive: "#009E73",
  neutral: "#56B4E9",
  concerned: "#E69F00",
  critical: "#D55E00",
});

export const SENTIMENT_LABELS: Readonly<Record<string, string>> = lookupTable({
  supportive: "Supportive",
  neutral: "Neutral",
  concerned: "Concerned",
  critical: "Critical",
});

export const KIND_LABELS: Readonly<Record<string, string>> = lookupTable({
  state: "States",
  organisation: "International organisations",
  "government-in-fact": "Governments in fact",
  "former-government": "Former government",
  institution: "Ministries and institutions",
  group: "Political and armed groups",
  "civil-society": "Civil society",
  bloc: "Blocs",
  person: "People",
  event: "Events",
});

/** One actor of a kind, in the singular: "State", "Person". */
export const KIND_NAMES: Readonly<Record<string, string>> = lookupTable({
  state: "State",
  organisation: "International organisation",
  "government-in-fact": "Government in fact",
  "former-government": "Former government",
  institution: "Ministry or institution",
  group: "Political or armed group",
  "civil-society": "Civil society",
  bloc: "Bloc",
  person: "Person",
  event: "Event",
});

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever reads better on the given background. */
export function textOn(hex: string): "#000000" | "#ffffff" {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}
