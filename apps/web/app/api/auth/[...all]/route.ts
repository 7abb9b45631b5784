// better-auth's endpoints: /api/auth/sign-in/email, /api/auth/sign-out, /api/auth/get-session, …
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";
import { answering } from "@/lib/server/failure";

export const dynamic = "force-dynamic";

// A failure inside better-auth (the database gone) is a logged problem answer, not an empty 500.
const handler = (request: Request) => answering(request, async () => (await getAuth()).handler(request));
export const { GET, POST } = toNextJsHandler(handler);
