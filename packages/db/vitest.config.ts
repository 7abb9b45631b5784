import { defineConfig } from "vitest/config";

// Database tests run transactions on SQLite and PostgreSQL; on a busy 2-core machine one can take
// longer than Vitest's 5 s default without anything being wrong. The limit catches a hang, not a speed.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
});
