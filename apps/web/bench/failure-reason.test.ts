// The reason `npm run bench` records for a failed step, from what failed benches wrote to stderr
// (fixtures/stderr-*.txt, captured from real runs).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reasonOf } from "./failure-reason";

const stderr = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");

describe("a failed bench's reason", () => {
  it("is the thrown error's message, not the npm lines after it", () => {
    expect(reasonOf(1, stderr("stderr-chromium-missing.txt"))).toBe(
      "exit 1: browserType.launch: Failed to launch chromium because executable doesn't exist at /nonexistent/chromium",
    );
  });

  it("names the cause of a failed request", () => {
    expect(reasonOf(1, stderr("stderr-server-gone.txt"))).toBe(
      "exit 1: TypeError: fetch failed; [cause]: Error: connect ECONNREFUSED 127.0.0.1:3743",
    );
  });

  it("leads with a server that died under the bench", () => {
    const died = "bench: the server on port 3743 exited (SIGKILL) while in use; its last lines (/tmp/x/stderr.log):\n";
    expect(reasonOf(1, died + stderr("stderr-server-gone.txt"))).toMatch(
      /^exit 1: bench: the server on port 3743 exited \(SIGKILL\).*; TypeError: fetch failed;/,
    );
  });

  it("says only the exit code when stderr said nothing", () => {
    expect(reasonOf(137, "")).toBe("exit 137");
  });
});
