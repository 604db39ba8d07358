// Every service bound to one database; built per request context (cheap: plain closures).
import type { Db } from "@/server/db/client";
import { createApiKeyService } from "./api-key-service.ts";
import { createFlowCompileService } from "./flow-compile-service.ts";
import { createFlowHistoryService } from "./flow-history-service.ts";
import { createFlowService } from "./flow-service.ts";
import { createShareService } from "./share-service.ts";

export function createServices(db: Db) {
  const flows = createFlowService(db);
  return {
    apiKeys: createApiKeyService(db),
    flows,
    flowCompiler: createFlowCompileService(flows),
    flowHistory: createFlowHistoryService(db, flows),
    shares: createShareService(db, flows),
  };
}

export type Services = ReturnType<typeof createServices>;
