// The server's environment: every variable the server and its scripts read, validated once, in one schema.
// Plain ESM so next.config.mjs can load it before the build. Each field parses its value exactly as the
// code that uses it does (OLLAMA_HOST through the Ollama adapter's own parser), and a bad value is
// reported with the variable's name and an example of a valid one. Blank values count as unset.
import { z } from "zod";
import { normalizeOllamaHost } from "../lib/credentials/ollama-host.mjs";

/** @param {unknown} value */
const blankToUnset = (value) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Free text, e.g. an API key; trimmed. */
const optionalText = () => z.preprocess(blankToUnset, z.string().trim().optional());

/**
 * An http(s) URL, kept as written.
 * @param {string} example
 */
const optionalHttpUrl = (example) =>
  z.preprocess(
    blankToUnset,
    z
      .string()
      .trim()
      .refine((value) => /^https?:$/.test(URL.parse(value)?.protocol ?? ""), { message: `must be an http(s) URL, e.g. ${example}` })
      .optional(),
  );

/**
 * A whole number in a range; `example` is shown when the value is not one.
 * @param {number} min @param {number} max @param {number} fallback
 */
const wholeNumber = (min, max, fallback) =>
  z.preprocess(
    blankToUnset,
    z.coerce
      .number({ message: `must be a whole number, e.g. ${fallback}` })
      .int({ message: `must be a whole number, e.g. ${fallback}` })
      .min(min, { message: `must be at least ${min}, e.g. ${fallback}` })
      .max(max, { message: `must be at most ${max}, e.g. ${fallback}` })
      .default(fallback),
  );

// The vault's rule (lib/secrets/key.ts, parseSecretKey): base64 or base64url of exactly 32 bytes.
/** @param {string} value */
const isSecretKey = (value) =>
  /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) && Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64").length === 32;

/**
 * A comma-separated list of origins (scheme://host[:port], no path), in order.
 * @param {string} example
 */
const originList = (example) =>
  z.preprocess(
    blankToUnset,
    z
      .string()
      .transform((value, context) => {
        const origins = [];
        for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
          const url = URL.parse(entry);
          if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, "")) {
            context.addIssue({ code: "custom", message: `"${entry}" is not an origin (scheme://host[:port], no path), e.g. ${example}` });
            return z.NEVER;
          }
          origins.push(url.origin);
        }
        return origins;
      })
      .optional(),
  );

const serverEnvFields = z.object({
  NODE_ENV: z.enum(["development", "test", "production"], { message: "must be development, test or production, e.g. production" }).default("development"),
  // Storage
  DATABASE_URL: z.preprocess(
    blankToUnset,
    z
      .string()
      .default("file:./data/osmen.db")
      .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
        message: "must start with file: (SQLite) or postgresql:// (PostgreSQL), e.g. file:./data/osmen.db",
      }),
  ),
  OSMEN_DATA_DIR: z.preprocess(blankToUnset, z.string().default("./data")),
  OSMEN_SECRET_KEY: z.preprocess(
    blankToUnset,
    z
      .string()
      .trim()
      .refine(isSecretKey, { message: "must be 32 random bytes in base64; make one with `openssl rand -base64 32`" })
      .optional(),
  ),
  PORT: wholeNumber(1, 65535, 3000),
  // Model providers, with each SDK's own variable names
  OLLAMA_HOST: z.preprocess(
    blankToUnset,
    z
      .string()
      .transform((value, context) => {
        try {
          return /** @type {string} */ (normalizeOllamaHost(value));
        } catch {
          context.addIssue({ code: "custom", message: `"${value}" is not a host; e.g. 127.0.0.1:11434, 0.0.0.0, :11434 or http://ollama.internal:11434` });
          return z.NEVER;
        }
      })
      .optional(),
  ),
  OPENAI_BASE_URL: optionalHttpUrl("https://api.openai.com/v1"),
  OPENAI_API_KEY: optionalText(),
  ANTHROPIC_BASE_URL: optionalHttpUrl("https://api.anthropic.com"),
  ANTHROPIC_API_KEY: optionalText(),
  // The OpenAI-compatible provider (LM Studio, vLLM, llama.cpp's server): lib/llm/openai-compatible/provider.ts
  OPENAI_COMPATIBLE_BASE_URL: optionalHttpUrl("http://127.0.0.1:1234/v1"),
  OPENAI_COMPATIBLE_API_KEY: optionalText(),
  OPENAI_COMPATIBLE_MODEL: optionalText(),
  // Google
  GOOGLE_CLIENT_ID: optionalText(),
  GOOGLE_CLIENT_SECRET: optionalText(),
  GOOGLE_REFRESH_TOKEN: optionalText(),
  GOOGLE_REDIRECT_URI: optionalHttpUrl("https://studio.example.com/api/oauth/google/callback"),
  OSMEN_GOOGLE_API_ROOT: optionalHttpUrl("http://127.0.0.1:4010/"),
  OSMEN_GOOGLE_TOKEN_URL: optionalHttpUrl("http://127.0.0.1:4010/token"),
  OSMEN_GOOGLE_AUTH_URL: optionalHttpUrl("http://127.0.0.1:4010/o/oauth2/v2/auth"),
  OSMEN_GOOGLE_REVOKE_URL: optionalHttpUrl("http://127.0.0.1:4010/revoke"),
  // Runs
  OSMEN_MAX_CONCURRENT_RUNS: wholeNumber(1, 1000, 8),
  OSMEN_RUN_TIMEOUT_MS: wholeNumber(1, 2_147_483_647, 30 * 60 * 1000),
  OSMEN_NODE_TIMEOUT_MS: wholeNumber(1, 2_147_483_647, 5 * 60 * 1000),
  // Run history kept: finished runs older than this many days, and past this many per flow, are pruned
  // (pinned runs excepted); 0 turns either bound off
  OSMEN_RUN_RETENTION_DAYS: wholeNumber(0, 36_500, 30),
  OSMEN_RUN_RETENTION_COUNT: wholeNumber(0, 10_000_000, 1000),
  // /api/v1 event streams: a comment line at least this often, under the idle timeout of any proxy in front
  OSMEN_SSE_HEARTBEAT_MS: wholeNumber(1, 600_000, 15_000),
  // The HTTP tool: hosts exempt from the private-address guard (lib/tools/http-address.ts reads the list)
  OSMEN_HTTP_ALLOWLIST: optionalText(),
  // Tests only: a PostgreSQL server for the persistence tests
  TEST_DATABASE_URL: z.preprocess(
    blankToUnset,
    z
      .string()
      .refine((value) => /^postgres(ql)?:\/\//.test(value), { message: "must be a postgresql:// URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres" })
      .optional(),
  ),
  // Public origin: absolute URLs (OAuth callbacks, share links, API snippets) are built from the first
  OSMEN_ORIGIN: originList("https://studio.example.com"),
  // Behind a TLS proxy: 1 trusts X-Forwarded-Proto and X-Forwarded-Host, marks sign-in cookies Secure, sends
  // HSTS, and redirects (308) a request the proxy received over plain HTTP for a non-loopback host to HTTPS
  OSMEN_TRUST_PROXY: z.preprocess(blankToUnset, z.enum(["0", "1"], { message: "must be 1 (behind a proxy) or 0, e.g. 1" }).default("0")),
  // Accounts and sign-in: the bind address, the auth mode, who may sign up, Better Auth's secret and URL
  HOST: z.preprocess(blankToUnset, z.string().trim().default("127.0.0.1")),
  OSMEN_AUTH: z.preprocess(blankToUnset, z.enum(["local", "accounts"], { message: "must be local or accounts, e.g. accounts" }).optional()),
  OSMEN_SIGNUP: z.preprocess(blankToUnset, z.enum(["open", "invite"], { message: "must be open or invite, e.g. invite" }).default("invite")),
  BETTER_AUTH_SECRET: z.preprocess(
    blankToUnset,
    z.string().min(32, { message: "must be at least 32 characters; make one with `openssl rand -base64 32`" }).optional(),
  ),
  BETTER_AUTH_URL: optionalHttpUrl("https://studio.example.com"),
  // The request boundary: origins answered with CORS on /api/v1, and how many runs may wait for a slot
  OSMEN_CORS_ORIGINS: originList("https://app.example.com"),
  OSMEN_MAX_QUEUED_RUNS: wholeNumber(0, 100_000, 200),
  // Requests per minute per caller (an IP gets five callers' worth), per budget; 0 turns one off
  OSMEN_RATE_LIMIT_READS: wholeNumber(0, 1_000_000, 1200),
  OSMEN_RATE_LIMIT_WRITES: wholeNumber(0, 1_000_000, 300),
  OSMEN_RATE_LIMIT_RUNS: wholeNumber(0, 1_000_000, 60),
  OSMEN_RATE_LIMIT_OPENAI: wholeNumber(0, 1_000_000, 60),
  // Build only: 1 makes `next build` emit the self-contained server in .next/standalone (the Dockerfile sets
  // it); `next start`, which the tests use, needs the default output, so it stays off everywhere else
  OSMEN_STANDALONE_BUILD: z.preprocess(blankToUnset, z.enum(["0", "1"], { message: "must be 1 (standalone build) or 0, e.g. 1" }).default("0")),
  // Queue mode (README, "Queue mode"): with REDIS_URL set (and a PostgreSQL DATABASE_URL), app instances enqueue
  // runs on Redis (BullMQ) and `npm run worker` processes execute them
  REDIS_URL: z.preprocess(
    blankToUnset,
    z
      .string()
      .trim()
      .refine((value) => /^rediss?:$/.test(URL.parse(value)?.protocol ?? ""), { message: "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379" })
      .optional(),
  ),
  // Runs one worker process executes at once (they mostly wait on models)
  OSMEN_WORKER_CONCURRENCY: wholeNumber(1, 10_000, 50),
  // How soon a run on a worker that died is noticed and ended `interrupted`, in milliseconds
  OSMEN_STALLED_MS: wholeNumber(1000, 3_600_000, 30_000),
  // How long a stopped worker (SIGTERM) lets its runs finish before it ends the rest `interrupted`, in milliseconds
  OSMEN_SHUTDOWN_MS: wholeNumber(0, 3_600_000, 30_000),
  // The worker's own health and metrics endpoints (/health/live, /health/ready, /metrics); 0 turns them off
  OSMEN_WORKER_PORT: wholeNumber(0, 65535, 3001),
  // Operations: the log level, and the bearer token that unlocks /api/metrics
  LOG_LEVEL: z.preprocess(
    blankToUnset,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "must be fatal, error, warn, info, debug, trace or silent, e.g. info" }).optional(),
  ),
  OSMEN_METRICS_TOKEN: z.preprocess(
    blankToUnset,
    z.string().trim().min(16, { message: "must be at least 16 characters; make one with `openssl rand -hex 32`" }).optional(),
  ),
});

// Queue mode keeps runs in a database every worker reaches: a SQLite file belongs to one machine.
export const serverEnvSchema = serverEnvFields.superRefine((env, context) => {
  if (env.REDIS_URL && /^rediss?:/.test(env.REDIS_URL) && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    context.addIssue({
      code: "custom",
      path: ["REDIS_URL"],
      message: "queue mode needs a PostgreSQL DATABASE_URL that every worker reaches (a SQLite file is one machine's), e.g. DATABASE_URL=postgresql://osmen@db:5432/osmen; unset REDIS_URL to run on one machine",
    });
  }
});

/** @typedef {z.output<typeof serverEnvSchema>} ServerEnv */

/** @type {ServerEnv | undefined} */
let cached;

/**
 * Parses an environment (default process.env) with `serverEnvSchema`. Throws one Error naming every bad
 * variable with an example of a valid value.
 * @param {Record<string, string | undefined>} source
 * @returns {ServerEnv}
 */
export function parseServerEnv(source) {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return parsed.data;
}

/**
 * The process's environment, parsed once (see `parseServerEnv`).
 * @returns {ServerEnv}
 */
export function loadServerEnv() {
  cached ??= parseServerEnv(process.env);
  return cached;
}
