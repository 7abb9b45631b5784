"use client";
// Fonts for Arabic and Chinese text, only on pages that show such text. Each script's stylesheet belongs
// to a module loaded with next/dynamic: rendered on the server, Next puts the stylesheet in the page's
// HTML (a page whose own text has the script: an actor page with a Dari or Chinese name); rendered
// later, the browser fetches it then. `FontsOnDemand` (in the root layout) watches what the page shows
// after it loads (search results, the actor panel, a form's fields) and renders them when needed, so no
// component has to know which text might hold which script.
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { type Scripts, scriptsIn } from "@/lib/scripts";

// `loading` gives each its own Suspense boundary: without one, the first render of a font module on the
// client would suspend the nearest boundary above, the whole page, and take focus from the field in use.
const ArabicFonts = dynamic(() => import("./arabic-fonts"), { loading: () => null });
const HanFonts = dynamic(() => import("./han-fonts"), { loading: () => null });

export function ScriptFonts({ arabic, han }: Partial<Scripts>) {
  return (
    <>
      {arabic && <ArabicFonts />}
      {han && <HanFonts />}
    </>
  );
}

/** Text the reader sees: text nodes outside scripts and styles (the page's data travels in scripts). */
function shownText(root: Node): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("script, style, template, noscript") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let text = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.nodeValue ?? "";
  if (root instanceof Element || root instanceof Document)
    for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) text += field.value;
  return text;
}

export function FontsOnDemand() {
  const [found, setFound] = useState<Scripts>({ arabic: false, han: false });
  useEffect(() => {
    let seen: Scripts = { arabic: false, han: false };
    const note = (text: string) => {
      const s = scriptsIn(text);
      if ((s.arabic && !seen.arabic) || (s.han && !seen.han)) {
        seen = { arabic: seen.arabic || s.arabic, han: seen.han || s.han };
        setFound(seen);
      }
      return seen.arabic && seen.han;
    };
    if (note(shownText(document.body))) return;
    const observer = new MutationObserver((records) => {
      let text = "";
      for (const r of records) {
        if (r.type === "characterData") text += r.target.nodeValue ?? "";
        else for (const node of r.addedNodes) text += node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? "") : shownText(node);
      }
      if (text && note(text)) stop();
    });
    // What someone types in a field is not in the DOM's text.
    const onInput = (e: Event) => {
      const target = e.target;
      if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && note(target.value)) stop();
    };
    const stop = () => {
      observer.disconnect();
      document.removeEventListener("input", onInput, true);
    };
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.addEventListener("input", onInput, true);
    return stop;
  }, []);
  return <ScriptFonts {...found} />;
}
