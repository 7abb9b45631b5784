// The entry of the database write worker (see off-thread.ts): loads its TypeScript through tsx, which
// the server and the tests already run under, then runs the job it was started with.
import { tsImport } from "tsx/esm/api";

await tsImport("./write-worker.ts", import.meta.url);
