// Types of first-load.mjs, which the size budget and bench/first-load.ts use.
export interface FileSize {
  file: string;
  bytes: number;
  gz: number;
}
export declare const FIRST_LOAD_GOAL: number;
export declare const MAX_FONT_FACES: number;
export declare const ROUTES: { url: string; entry: string }[];
export declare function firstLoad(distDir: string, entry: string): { js: FileSize[]; css: (FileSize & { fontFaces: number })[] };
export declare function afterShell(distDir: string, entry: string, exportName: string): FileSize[];
export declare function sum(files: FileSize[], key: "bytes" | "gz" | "fontFaces"): number;
export declare function kB(bytes: number): string;
