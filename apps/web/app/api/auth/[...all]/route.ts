// better-auth's endpoints: /api/auth/sign-in/email, /api/auth/sign-out, /api/auth/get-session, …
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

const handler = async (request: Request) => (await getAuth()).handler(request);
export const { GET, POST } = toNextJsHandler(handler);
