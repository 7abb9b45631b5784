// The one way a server action runs: find the caller from the session (never from the arguments),
// check the arguments with zod (actions are public endpoints), run, and turn a refusal into a result.
import "server-only";
import type { Principal } from "@stancemap/db";
import type { z } from "zod";
import { MALFORMED } from "./action-args";
import { currentPrincipal } from "./dal";

export interface ActionRefusal {
  ok: false;
  status: number;
  message: string;
}

export const SIGNED_OUT: ActionRefusal = {
  ok: false,
  status: 401,
  message: "Your session has ended: sign in again in another tab, then try again.",
};

export async function runAction<S extends z.ZodType, R>(
  args: S,
  raw: unknown,
  refused: (error: unknown) => R,
  run: (who: Principal, input: z.output<S>) => Promise<R>,
): Promise<R | ActionRefusal> {
  const who = await currentPrincipal();
  if (!who) return SIGNED_OUT;
  const parsed = args.safeParse(raw);
  if (!parsed.success) return MALFORMED;
  try {
    return await run(who, parsed.data);
  } catch (error) {
    return refused(error);
  }
}
