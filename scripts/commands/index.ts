// The command registry: one line per command; a command's module loads only when it runs.
import type { Command } from "./command.ts";

export type { Command };

export const commands: Record<string, () => Promise<Command>> = {
  "db:migration": async () => (await import("./db-migration.ts")).dbMigrationCommand,
  "api-key": async () => (await import("./api-key.ts")).apiKeyCommand,
  chat: async () => (await import("./chat.ts")).chatCommand,
  models: async () => (await import("./models.ts")).modelsCommand,
  providers: async () => (await import("./providers.ts")).providersCommand,
};
