import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The app's "@/…" imports, as tsconfig.json maps them.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
});
