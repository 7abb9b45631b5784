// Why a bench failed, from the end of what it wrote to stderr: what `npm run bench` records for a failed step.

/** What stderr says went wrong: the thrown error's message (the line after Node's caret), its cause, and a
 * server that died under the bench (server.ts reports it). */
export function reasonOf(code: number, tail: string): string {
  const lines = tail.split("\n").map((l) => l.trim());
  const caret = lines.lastIndexOf("^");
  const thrown =
    (caret >= 0 ? lines.slice(caret + 1).find(Boolean) : undefined) ??
    lines.findLast((l) => /^([\w.]*Error|Error)\b/.test(l) && !l.startsWith("npm error"));
  const cause = lines.findLast((l) => l.startsWith("[cause]:"));
  const server = lines.find((l) => l.startsWith("bench: the server on port"));
  const said = [server, thrown, cause].filter(Boolean).join("; ");
  return `exit ${code}${said ? `: ${said.slice(0, 400)}` : ""}`;
}
