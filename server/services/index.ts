// Every service bound to one database; built per request context (cheap: plain closures).
import type { Db } from "@/server/db/client";
import type { Vault } from "@/lib/secrets";
import { getVault } from "@/server/secrets";
import { createApiKeyService } from "./api-key-service.ts";
import { createCredentialService } from "./credential-service.ts";
import { createFlowCompileService } from "./flow-compile-service.ts";
import { createGoogleConnectionService, type GoogleEndpoints } from "./google-connection-service.ts";
import { createFlowHistoryService } from "./flow-history-service.ts";
import { createFlowMemberService } from "./flow-member-service.ts";
import { createFlowService } from "./flow-service.ts";
import { createShareService } from "./share-service.ts";
import { createTemplateService } from "./template-service.ts";

/** Google's endpoints can be pointed elsewhere (a local server in tests); by default they are Google's own. */
export const googleEndpointsFromEnv = (env: Record<string, string | undefined>): GoogleEndpoints => ({
  tokenUrl: env.OSMEN_GOOGLE_TOKEN_URL,
  authUrl: env.OSMEN_GOOGLE_AUTH_URL,
  revokeUrl: env.OSMEN_GOOGLE_REVOKE_URL,
  rootUrl: env.OSMEN_GOOGLE_API_ROOT,
});

/** `vault` is the process's vault unless a test brings its own. */
export function createServices(db: Db, vault: () => Vault = getVault) {
  const flows = createFlowService(db);
  const credentials = createCredentialService(db, vault);
  return {
    apiKeys: createApiKeyService(db),
    credentials,
    google: createGoogleConnectionService(credentials, process.env, googleEndpointsFromEnv(process.env)),
    flows,
    flowCompiler: createFlowCompileService(flows, credentials),
    flowHistory: createFlowHistoryService(db, flows),
    flowMembers: createFlowMemberService(db),
    shares: createShareService(db, flows),
    templates: createTemplateService(flows),
  };
}

export type Services = ReturnType<typeof createServices>;
