// A run service as production wires it for model nodes: the real provider layer on a given server environment
// (no process.env), the address guard, and the credentials of the user each run runs as.
import { createProviderResolver } from "@/lib/engine";
import { ProviderRouter } from "@/lib/llm";
import type { Db } from "@/server/db/client";
import type { createServices } from "@/server/services";
import { createRunService, type RunService } from "@/server/runs/run-service";

/** No retries, so a refused request fails the node at once. */
export function createProviderRunService(db: Db, services: ReturnType<typeof createServices>, env: Record<string, string>): RunService {
  const router = new ProviderRouter({ env });
  return createRunService({ db, flows: services.flows }, {
    maxConcurrentRuns: 2,
    runTimeoutMs: 20_000,
    // As in production: a run reads the credentials of the user it runs as.
    providers: (userId) =>
      createProviderResolver({
        env,
        createProvider: (name, overrides) => router.getProvider(name, { ...overrides, retryAttempts: 0 }),
        resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id),
      }),
    describeCredentials: (userId, ids) => services.credentials.describe({ userId }, ids),
  });
}
