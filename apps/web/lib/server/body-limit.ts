// The one limit on a write's JSON body, shared by the route that reads it (json-body.ts) and by Next's
// proxy buffer (next.config.ts). Next buffers every request's body for proxy.ts up to its own limit and
// passes on, silently, only what fits: it drops the piece that crosses the limit (a socket read, at most
// 64 KiB) and ends the body there. With the buffer at 11 MB, a valid 12 MB body reached the route cut
// short and was answered "not valid JSON". The buffer is larger than the route's limit by far more than
// a piece, so a body cut there is still over the limit, and refused as too big, naming `body`. A body
// declared larger than the limit is refused before Next sees it (entry.ts): no route reads one, and Next
// would otherwise hold its first 17 MiB for anyone who sent it, signed in or not.

/** The largest write body read: a source's text (2,000,000 UTF-16 units) written as JSON escapes, and room. */
export const MAX_JSON_BODY_BYTES = 16 * 1024 * 1024;

/** What Next buffers for the proxy: the route's limit and 1 MiB (sixteen of the largest pieces). */
export const PROXY_BODY_BYTES = MAX_JSON_BODY_BYTES + 1024 * 1024;

/** The answer to a body over `max` bytes, as the write API names a field: a 400 on `body`. */
export function bodyTooBig(bytes: number, max = MAX_JSON_BODY_BYTES) {
  return {
    detail: `the body is over ${max} bytes`,
    issue: { field: "body", code: "too_big", message: `is ${bytes} bytes or more; the limit is ${max}` },
  };
}
