// The server's vault: one per process, its key loaded once (OSMEN_SECRET_KEY, or the key file in the data
// folder, generated on first start outside production).
import { createVault, loadSecretKey, type Vault } from "@/lib/secrets";
import { loadServerEnv } from "@/server/env.mjs";

const holder = globalThis as typeof globalThis & { osmenVault?: Vault };

export function getVault(): Vault {
  if (!holder.osmenVault) {
    const env = loadServerEnv();
    const loaded = loadSecretKey({
      isProduction: env.NODE_ENV === "production",
      dataDir: env.OSMEN_DATA_DIR,
      env: { OSMEN_SECRET_KEY: env.OSMEN_SECRET_KEY, OSMEN_DATA_DIR: env.OSMEN_DATA_DIR },
    });
    for (const warning of loaded.warnings) console.warn(`[vault] ${warning}`);
    holder.osmenVault = createVault(loaded.key);
  }
  return holder.osmenVault;
}
