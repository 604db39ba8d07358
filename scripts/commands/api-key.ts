// `npm run osmen -- api-key create --name NAME | list | revoke ID`: keys for the HTTP API, in the database
// that DATABASE_URL names (the same one the server uses). The keys are local mode's owner's: the admin once
// an account exists, else the `local` user.
import { parseArgs } from "node:util";
import type { Command } from "./command.ts";

const usage = "Usage: npm run osmen -- api-key create --name NAME [--scope run|full] | api-key list | api-key revoke ID";

type Caller = import("@/server/auth/caller").Caller;

/**
 * The curl command printed after `api-key create`: a JSON POST to a flow's run route on `origin`, as the HTTP
 * API accepts it (`/api/v1` takes `application/json` only; curl's `-d` alone sends a form, answered 415).
 */
export function curlExample(key: string, origin: string): string {
  return `curl -X POST ${origin}/api/v1/flows/<flow id>/run -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" -d '{"input":"..."}'`;
}

async function withServices<T>(work: (services: import("@/server/services").Services, caller: Caller) => Promise<T>): Promise<T> {
  const { getApp } = await import("@/server/app");
  const { prepareDatabase } = await import("@/server/db");
  const { localCaller } = await import("@/server/auth/resolve-caller");
  // Migrations only, not the app's ready(): settling "interrupted" runs would end the live server's runs.
  await prepareDatabase();
  const { db, services } = getApp();
  try {
    return await work(services, await localCaller(db));
  } finally {
    await db.prisma.$disconnect();
  }
}

export const apiKeyCommand: Command = {
  description: "Create, list or revoke API keys for the HTTP API",
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { name: { type: "string" }, scope: { type: "string", default: "full" } } });
    const [action, id] = positionals;
    if (action === "create" && values.scope !== "run" && values.scope !== "full") {
      console.error(`--scope must be "run" (run flows and read their runs) or "full", not "${values.scope}".`);
      return 2;
    }
    if (action === "create" && values.name?.trim()) {
      const scope = values.scope === "run" ? "run" : "full";
      const created = await withServices((services, caller) => services.apiKeys.create(caller, { name: values.name!.trim(), scope }));
      console.log(`Created ${scope}-scope API key "${created.name}" (${created.prefix}…). It is shown only this once:\n\n  ${created.key}\n`);
      const { publicOrigin } = await import("@/server/http/public-origin");
      console.log(`Use it as: ${curlExample(created.key, publicOrigin())}`);
      return 0;
    }
    if (action === "list") {
      const keys = await withServices((services, caller) => services.apiKeys.list(caller));
      if (keys.length === 0) console.log("No API keys yet.");
      for (const key of keys) console.log(`${key.id}  ${key.prefix}…  ${key.scope}  ${key.name}${key.revokedAt ? "  (revoked)" : ""}`);
      return 0;
    }
    if (action === "revoke" && id) {
      const revoked = await withServices((services, caller) => services.apiKeys.revoke(caller, id));
      console.log(`Revoked "${revoked.name}" (${revoked.prefix}…).`);
      return 0;
    }
    console.error(usage);
    return 2;
  },
};
