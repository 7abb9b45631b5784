"use client";
// Tells the page that frames this embed how tall it is (`{ type: "stancemap:height", height }`), so a host
// that wants to can size the iframe; nothing else is sent, and the embed works without the host listening.
import { useEffect } from "react";

export function EmbedHeight() {
  useEffect(() => {
    if (window.parent === window) return;
    const send = () => window.parent.postMessage({ type: "stancemap:height", height: document.documentElement.scrollHeight }, "*");
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    send();
    return () => observer.disconnect();
  }, []);
  return null;
}
