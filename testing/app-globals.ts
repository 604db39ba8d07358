// Points the process-wide app the route handlers use (server/app.ts: database, services, run service, vault)
// at one a test built over its own database, so `app/api/**/route.ts` handlers can be called directly. The
// database and vault singletons (server/db, server/secrets) follow too, for the code that reads them alone
// (the auth layer). Everything lives on globalThis; restore() puts back what was there.
import type { Vault } from "@/lib/secrets";
import { createApp, type App } from "@/server/app";
import type { Db } from "@/server/db/client";
import type { RequestRateLimitSettings } from "@/server/http/request-rate-limits";
import type { RunService } from "@/server/runs/run-service";

type Holder = { osmenDb?: Db; osmenDbReady?: Promise<void>; osmenVault?: Vault; osmenApp?: App };

/**
 * Makes `getApp()`, `getDb()`, `prepareDatabase()` and `getVault()` answer with an app built from these parts.
 * Its `ready()` resolves at once: the test database is migrated, and its runs are the test's own. Request
 * budgets apply only when `requestLimits` is given.
 */
export function useAppSingletons({
  db,
  runs,
  vault,
  requestLimits,
  app: built,
}: {
  db: Db;
  runs?: RunService;
  vault: Vault;
  requestLimits?: RequestRateLimitSettings;
  app?: App;
}): { restore: () => void } {
  const holder = globalThis as typeof globalThis & Holder;
  const saved: Holder = { osmenDb: holder.osmenDb, osmenDbReady: holder.osmenDbReady, osmenVault: holder.osmenVault, osmenApp: holder.osmenApp };
  // `app`: one the test built itself (its own logger, its observed run service); else one over `runs`.
  const app: App = { ...(built ?? createApp({ db, vault: () => vault, runs, requestLimits })), ready: () => Promise.resolve() };
  Object.assign(holder, { osmenDb: db, osmenDbReady: Promise.resolve(), osmenVault: vault, osmenApp: app });
  return { restore: () => void Object.assign(holder, saved) };
}
