// The app's one logger: single-line JSON (pino) for operators and log shippers; readable lines in
// development. Level and format come from the environment (see env.ts).
import pino from "pino";
import { env } from "./env";

const KEY = Symbol.for("stancemap.logger");
const holder = globalThis as unknown as Record<symbol, pino.Logger | undefined>;

function create(): pino.Logger {
  const pretty = env.LOG_PRETTY ? env.LOG_PRETTY === "1" : env.NODE_ENV === "development";
  const options: pino.LoggerOptions = { level: env.LOG_LEVEL, base: { service: "stancemap" }, timestamp: pino.stdTimeFunctions.isoTime };
  return pretty ? pino(options, pino.transport({ target: "pino-pretty", options: { singleLine: true } })) : pino(options);
}

export const logger: pino.Logger = holder[KEY] ?? create();
holder[KEY] = logger;
