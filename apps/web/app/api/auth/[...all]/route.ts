// better-auth's endpoints: /api/auth/sign-in/email, /api/auth/sign-out, /api/auth/get-session, …

import { InvalidInput } from "@stancemap/db";
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";
import { answering } from "@/lib/server/failure";
import { readCappedText } from "@/lib/server/json-body";
import { curationProblem } from "@/lib/server/write";

export const dynamic = "force-dynamic";

/** The most an auth call's body holds (an email, a password, a name): better-auth validates every key of
 * a body before it looks at the call, and 16 MB of small keys held the server for seconds. */
const AUTH_BODY_BYTES = 64 * 1024;

// A failure inside better-auth (the database gone) is a logged problem answer, not an empty 500.
const handler = (request: Request) =>
  answering(request, async () => {
    let capped = request;
    if (request.body) {
      try {
        capped = new Request(request, { body: await readCappedText(request, AUTH_BODY_BYTES) });
      } catch (error) {
        if (error instanceof InvalidInput) return curationProblem(error, new URL(request.url).pathname);
        throw error;
      }
    }
    return (await getAuth()).handler(capped);
  });
export const { GET, POST } = toNextJsHandler(handler);
