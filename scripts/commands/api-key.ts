// `npm run osmen -- api-key create --name NAME | list | revoke ID`: keys for the HTTP API, in the database
// that DATABASE_URL names (the same one the server uses).
import { parseArgs } from "node:util";
import type { Command } from "./index.ts";

const usage = "Usage: npm run osmen -- api-key create --name NAME | api-key list | api-key revoke ID";

async function withServices<T>(work: (services: import("@/server/services").Services) => Promise<T>): Promise<T> {
  const { getDb, prepareDatabase } = await import("@/server/db");
  const { createServices } = await import("@/server/services");
  await prepareDatabase();
  const db = getDb();
  try {
    return await work(createServices(db));
  } finally {
    await db.prisma.$disconnect();
  }
}

export const apiKeyCommand: Command = {
  description: "Create, list or revoke API keys for the HTTP API",
  async run(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { name: { type: "string" } } });
    const [action, id] = positionals;
    if (action === "create" && values.name?.trim()) {
      const created = await withServices((services) => services.apiKeys.create(values.name!.trim()));
      console.log(`Created API key "${created.name}" (${created.prefix}…). It is shown only this once:\n\n  ${created.key}\n`);
      console.log(`Use it as: curl -H "Authorization: Bearer ${created.key}" http://localhost:3000/api/v1/flows/<flow id>/run -d '{"input":"..."}'`);
      return 0;
    }
    if (action === "list") {
      const keys = await withServices((services) => services.apiKeys.list());
      if (keys.length === 0) console.log("No API keys yet.");
      for (const key of keys) console.log(`${key.id}  ${key.prefix}…  ${key.name}${key.revokedAt ? "  (revoked)" : ""}`);
      return 0;
    }
    if (action === "revoke" && id) {
      const revoked = await withServices((services) => services.apiKeys.revoke(id));
      console.log(`Revoked "${revoked.name}" (${revoked.prefix}…).`);
      return 0;
    }
    console.error(usage);
    return 2;
  },
};
