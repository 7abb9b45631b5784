"use client";
// The export dialog loads after the page is interactive: most visits never export.
import dynamic from "next/dynamic";

export const LazyExportDialog = dynamic(() => import("./ExportDialog").then((m) => m.ExportDialog), { ssr: false });
