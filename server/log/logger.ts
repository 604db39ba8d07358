// The server's structured logs: one JSON object per line on stdout (pino), human-readable in development
// (pino-pretty, in-process so Next.js needs no worker thread). LOG_LEVEL sets the level. Log lines carry
// ids, names, statuses and times, never secrets or prompt text; the redaction below is a second guard for
// fields whose names say they hold a secret.
import pino, { type DestinationStream, type Level, type Logger } from "pino";
import pretty from "pino-pretty";
import { loadServerEnv } from "@/server/env.mjs";

export type { Logger };

/** Fields removed from every line, whatever logs them. */
const REDACTED_PATHS = ["apiKey", "secret", "password", "token", "authorization", "cookie", "*.apiKey", "*.secret", "*.password", "*.token", "*.authorization", "*.cookie"];

export type LoggerOptions = {
  level: Level | "silent";
  /** Human-readable lines instead of JSON (development). */
  isPretty?: boolean;
  /** Where lines go; default stdout. Tests pass a stream that keeps them. */
  destination?: DestinationStream;
};

/** A pino logger with the app's redaction and base fields. */
export function createLogger({ level, isPretty = false, destination }: LoggerOptions): Logger {
  const stream = destination ?? (isPretty ? pretty({ sync: true, colorize: true, ignore: "pid,hostname" }) : pino.destination({ sync: false }));
  return pino({ level, base: { service: "osmen-studio" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }, stream);
}

const holder = globalThis as typeof globalThis & { osmenLogger?: Logger };

/**
 * The process's logger, built on first use from LOG_LEVEL (default info; silent under NODE_ENV=test so test
 * output stays readable) and NODE_ENV (pretty in development).
 */
export function getLogger(): Logger {
  if (!holder.osmenLogger) {
    const env = loadServerEnv();
    holder.osmenLogger = createLogger({ level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"), isPretty: env.NODE_ENV === "development" });
  }
  return holder.osmenLogger;
}
