// Types of render-worker-bundle.mjs, which next.config.ts imports.
export declare const renderWorkerFile: string;
export declare function bundleRenderWorker(options?: { ifMissing?: boolean }): Promise<string>;
