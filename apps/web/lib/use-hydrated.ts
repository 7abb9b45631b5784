"use client";
// False in the server's markup and in the first client render, true once React has hydrated: controls a
// server-rendered view shows before its code runs can be disabled until then, so a click that would do
// nothing (no handler yet) is not silently lost.
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
