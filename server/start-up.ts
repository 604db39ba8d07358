// Server start: check the environment and the vault key, migrate the database, then settle runs an earlier process left behind.
import { prepareDatabase } from "@/server/db";
import { recoverRunsOnce } from "@/server/runs";
import { loadServerEnv } from "@/server/env.mjs";
import { getVault } from "@/server/secrets";

try {
  loadServerEnv();
} catch (error) {
  // next.config.mjs checks this too; a server started another way still stops here with the same message.
  console.error(`\n[env] ${(error as Error).message}\n`);
  process.exit(1);
}

try {
  getVault();
} catch (error) {
  // Without a key no credential can be read or written; in production that is a setup error to fix first.
  console.error(`\n[vault] ${(error as Error).message}\n`);
  process.exit(1);
}

try {
  await prepareDatabase();
  await recoverRunsOnce();
} catch (error) {
  // Keep serving: the health probe reports the database, and requests try again.
  console.error(`[db] start-up preparation failed: ${(error as Error).message}`);
}
