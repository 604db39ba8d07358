// The process's run service: one per server, because it owns the live event hub and the concurrency limit.
import { loadServerEnv } from "@/server/env.mjs";
import { getDb } from "@/server/db";
import { createProviderResolver } from "@/lib/engine";
import { getVault } from "@/server/secrets";
import { googleClientEnv, googleEndpointsFromEnv } from "@/server/services";
import { createCredentialService } from "@/server/services/credential-service";
import { createGoogleConnectionService } from "@/server/services/google-connection-service";
import { createRunService, type RunService } from "@/server/services/run-service";
import { recoverInterruptedRuns } from "./recover-interrupted.ts";

const holder = globalThis as typeof globalThis & { osmenRuns?: RunService; osmenRunsRecovered?: Promise<void> };

export function getRunService(): RunService {
  if (!holder.osmenRuns) {
    const env = loadServerEnv();
    const credentials = createCredentialService(getDb(), getVault);
    const google = createGoogleConnectionService(credentials, googleClientEnv(), googleEndpointsFromEnv(env));
    holder.osmenRuns = createRunService(getDb(), {
      maxConcurrentRuns: env.OSMEN_MAX_CONCURRENT_RUNS,
      maxQueuedRuns: env.OSMEN_MAX_QUEUED_RUNS,
      runTimeoutMs: env.OSMEN_RUN_TIMEOUT_MS,
      nodeTimeoutMs: env.OSMEN_NODE_TIMEOUT_MS,
      // A run reads the credentials and the Google connection of the user it runs as, and no one else's.
      providers: (userId) => createProviderResolver({ resolveCredential: (id) => credentials.resolveForRun({ userId }, id) }),
      describeCredentials: (userId, ids) => credentials.describe({ userId }, ids),
      google: (userId) => google.servicesForRun({ userId }),
    });
  }
  return holder.osmenRuns;
}

/** Once per process, before the first run starts: runs an earlier process left behind become interrupted. */
export function recoverRunsOnce(): Promise<void> {
  holder.osmenRunsRecovered ??= recoverInterruptedRuns(getDb()).then((ids) => {
    if (ids.length > 0) console.log(`[runs] marked ${ids.length} run(s) from an earlier process as interrupted`);
  });
  return holder.osmenRunsRecovered;
}
