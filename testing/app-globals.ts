// Points the process-wide singletons the route handlers use (database, run service, vault) at a test's own,
// so `app/api/**/route.ts` handlers can be called directly against a database the test created. The
// singletons live on globalThis (see server/db, server/runs, server/secrets); restore() puts back what was there.
import type { Vault } from "@/lib/secrets";
import type { Db } from "@/server/db/client";
import type { RunService } from "@/server/services/run-service";

type Holder = { osmenDb?: Db; osmenDbReady?: Promise<void>; osmenRuns?: RunService; osmenRunsRecovered?: Promise<void>; osmenVault?: Vault };

/** Makes `getDb()`, `prepareDatabase()`, `getRunService()`, `recoverRunsOnce()` and `getVault()` answer with these. */
export function useAppSingletons({ db, runs, vault }: { db: Db; runs: RunService; vault: Vault }): { restore: () => void } {
  const holder = globalThis as typeof globalThis & Holder;
  const saved: Holder = { osmenDb: holder.osmenDb, osmenDbReady: holder.osmenDbReady, osmenRuns: holder.osmenRuns, osmenRunsRecovered: holder.osmenRunsRecovered, osmenVault: holder.osmenVault };
  Object.assign(holder, { osmenDb: db, osmenDbReady: Promise.resolve(), osmenRuns: runs, osmenRunsRecovered: Promise.resolve(), osmenVault: vault });
  return { restore: () => void Object.assign(holder, saved) };
}
