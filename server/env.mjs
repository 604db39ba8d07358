// The server's environment, validated once. Plain ESM so next.config.mjs can load it before the build.
import { z } from "zod";

const optionalUrl = z.string().url().optional();

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/osmen.db")
    .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
      message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  OSMEN_DATA_DIR: z.string().default("./data"),
  OLLAMA_HOST: optionalUrl,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: optionalUrl,
  ANTHROPIC_API_KEY: z.string().optional(),
  OSMEN_MAX_CONCURRENT_RUNS: z.coerce.number().int().min(1).max(1000).default(8),
  OSMEN_RUN_TIMEOUT_MS: z.coerce.number().int().positive().default(30 * 60 * 1000),
  OSMEN_NODE_TIMEOUT_MS: z.coerce.number().int().positive().default(5 * 60 * 1000),
  // Accounts and sign-in: the bind address, the auth mode, public origins, who may sign up, Better Auth.
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  OSMEN_AUTH: z.enum(["local", "accounts"]).optional(),
  OSMEN_ORIGIN: z.string().optional(),
  OSMEN_SIGNUP: z.enum(["open", "invite"]).default("invite"),
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
  BETTER_AUTH_URL: optionalUrl,
  OSMEN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // Address guard (HTTP tool, a model node's Base URL): hosts reached even on private or loopback addresses.
  OSMEN_HTTP_ALLOWLIST: z.string().optional(),
  // The request boundary: CORS for /api/v1 and the run queue's bound.
  OSMEN_CORS_ORIGINS: z.string().optional(),
  OSMEN_MAX_QUEUED_RUNS: z.coerce.number().int().min(0).max(100_000).default(200),
});

/** @typedef {z.infer<typeof serverEnvSchema>} ServerEnv */

/** @type {ServerEnv | undefined} */
let cached;

/**
 * Parses process.env; throws one readable error naming every bad variable.
 * @returns {ServerEnv}
 */
export function loadServerEnv() {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
