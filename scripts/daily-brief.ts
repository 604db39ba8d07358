// `npm run daily-brief -- --provider ollama [--model m] [--date YYYY-MM-DD] [--time-zone Europe/Paris]
//                         [--no-gmail] [--no-calendar] [--sample-data]`
// Prints today's Daily Brief (the guide's `python workflows/daily_brief.py --provider ollama`).
//
// Google access: without --sample-data it reads GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_REFRESH_TOKEN
// from the environment. To read the token from the vault instead, call `runDailyBrief(argv, { refreshToken })`
// with a token source (a string or `async () => token`). OSMEN_GOOGLE_API_ROOT and OSMEN_GOOGLE_TOKEN_URL point it
// at another Google endpoint (tests). The model's endpoint follows the provider's own variables (OLLAMA_HOST, ...).
import { pathToFileURL } from "node:url";
import nextEnv from "@next/env";
import { parseArgs } from "node:util";
import { providerNames } from "@/lib/llm/types";
import { readGoogleClientSettings } from "@/lib/tools/google/client-settings";
import type { GoogleServicesOptions, RefreshTokenSource } from "@/lib/tools/google/services";
import type { GoogleServices } from "@/lib/tools/google/types";
import { DailyBriefWorkflow } from "@/lib/workflows";

const usage = `Usage: npm run daily-brief -- [--provider ${providerNames.join("|")}] [--model name] [--date YYYY-MM-DD]
                              [--time-zone IANA-zone] [--no-gmail] [--no-calendar] [--sample-data]
Without --sample-data, Google access comes from GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_REFRESH_TOKEN.`;

export type DailyBriefCommandOptions = {
  env?: Record<string, string | undefined>;
  /** Overrides GOOGLE_REFRESH_TOKEN, e.g. a function that reads the vault. */
  refreshToken?: RefreshTokenSource;
  /** The Google connection made in Settings, used when the environment names none. */
  storedGoogle?: () => Promise<GoogleServices | null>;
  out?: (text: string) => void;
  err?: (text: string) => void;
};

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      provider: { type: "string", short: "p", default: "ollama" },
      model: { type: "string", short: "m" },
      date: { type: "string" },
      "time-zone": { type: "string" },
      "no-gmail": { type: "boolean", default: false },
      "no-calendar": { type: "boolean", default: false },
      "sample-data": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
}

type Values = ReturnType<typeof parse>;

/** A reason the arguments cannot work, or null. */
function checkArgs(values: Values): string | null {
  if (!(providerNames as readonly string[]).includes(values.provider!)) return `Unknown provider "${values.provider}". Choose one of: ${providerNames.join(", ")}.`;
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return `--date must look like 2026-11-25, not "${values.date}".`;
  return null;
}

async function googleAccess(values: Values, options: DailyBriefCommandOptions): Promise<GoogleServicesOptions | GoogleServices | string | undefined> {
  const needsGoogle = !values["sample-data"] && !(values["no-gmail"] && values["no-calendar"]);
  if (!needsGoogle) return undefined;
  const env = options.env ?? process.env;
  const client = readGoogleClientSettings(env);
  const refreshToken = options.refreshToken ?? env.GOOGLE_REFRESH_TOKEN;
  if (client && refreshToken) {
    return { client: { ...client, tokenUrl: env.OSMEN_GOOGLE_TOKEN_URL || undefined }, refreshToken, rootUrl: env.OSMEN_GOOGLE_API_ROOT || undefined };
  }
  const stored = await options.storedGoogle?.();
  return stored ?? "No Google access: connect Google in Settings, or set GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_REFRESH_TOKEN, or run with --sample-data.";
}

/** Runs the command; resolves with the exit code. */
export async function runDailyBrief(argv: string[], options: DailyBriefCommandOptions = {}): Promise<number> {
  const out = options.out ?? ((text) => process.stdout.write(text));
  const err = options.err ?? ((text) => process.stderr.write(text));
  let values: Values;
  try {
    values = parse(argv);
  } catch (error) {
    err(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    out(`${usage}\n`);
    return 0;
  }
  const google = await googleAccess(values, options);
  const problem = checkArgs(values) ?? (typeof google === "string" ? google : null);
  if (problem) {
    err(`${problem}\n`);
    return 2;
  }
  // A model that is not running can take a while to give up on (the provider retries), so say what is happening.
  err(`Writing the Daily Brief with ${values.provider}${values["sample-data"] ? " from sample data" : ""}…\n`);
  const result = await createWorkflow(values, google as GoogleServicesOptions | GoogleServices | undefined).run();
  if (result.brief) out(`${result.brief}\n`);
  for (const error of result.errors) err(`${result.status === "failed" ? "Could not write the brief: " : "Note: "}${error}\n`);
  return result.status === "completed" ? 0 : 1;
}

function createWorkflow(values: Values, google: GoogleServicesOptions | GoogleServices | undefined): DailyBriefWorkflow {
  return new DailyBriefWorkflow({
    llmProvider: values.provider,
    model: values.model,
    date: values.date,
    timeZone: values["time-zone"],
    includeGmail: !values["no-gmail"],
    includeGoogleCalendar: !values["no-calendar"],
    useSampleData: values["sample-data"],
    google,
  });
}

/** The connection local mode's owner made with "Connect Google" in Settings, read from this project's database and vault. */
async function readStoredGoogle(): Promise<GoogleServices | null> {
  const { getApp } = await import("@/server/app");
  const { prepareDatabase } = await import("@/server/db");
  const { localCaller } = await import("@/server/auth/resolve-caller");
  // Migrations only, not the app's ready(): settling "interrupted" runs would end the live server's runs.
  await prepareDatabase();
  const { db, services } = getApp();
  const google = services.google;
  // The command runs as local mode's owner, so it reads their connection.
  const owner = await localCaller(db);
  return (await google.status(owner)).isConnected ? google.servicesForRun(owner) : null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The .env files `next dev` and `next start` read (scripts/osmen.ts says why).
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => undefined, error: console.error });
  runDailyBrief(process.argv.slice(2), { storedGoogle: readStoredGoogle }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
