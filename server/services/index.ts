// Every service bound to one database. The composition root (server/app.ts) builds them once per process;
// tests build their own over a test database (cheap: plain closures).
import type { Db } from "@/server/db/client";
import type { Vault } from "@/lib/secrets";
import { loadServerEnv } from "@/server/env.mjs";
import { getVault } from "@/server/secrets";
import { createApiKeyService } from "./api-key-service.ts";
import { createCredentialService } from "./credential-service.ts";
import { createFlowCompileService } from "./flow-compile-service.ts";
import { createGoogleConnectionService, type GoogleEndpoints } from "./google-connection-service.ts";
import { createFlowHistoryService } from "./flow-history-service.ts";
import { createFlowImportService } from "./flow-import-service.ts";
import { createFlowMemberService } from "./flow-member-service.ts";
import { createFlowService } from "./flow-service.ts";
import { createFlowToolService } from "./flow-tool-service.ts";
import { createProviderModelService } from "./provider-model-service.ts";
import { createProviderStatusService } from "./provider-status-service.ts";
import { createShareService } from "./share-service.ts";
import { createTemplateService } from "./template-service.ts";

/** Google's endpoints can be pointed elsewhere (a local server in tests); by default they are Google's own. */
const googleEndpointsFromEnv = (env: Partial<Record<`OSMEN_GOOGLE_${"TOKEN_URL" | "AUTH_URL" | "REVOKE_URL" | "API_ROOT"}`, string>>): GoogleEndpoints => ({
  tokenUrl: env.OSMEN_GOOGLE_TOKEN_URL,
  authUrl: env.OSMEN_GOOGLE_AUTH_URL,
  revokeUrl: env.OSMEN_GOOGLE_REVOKE_URL,
  rootUrl: env.OSMEN_GOOGLE_API_ROOT,
});

/** The Google OAuth client variables, as validated by the environment schema. */
function googleClientEnv(): Record<string, string | undefined> {
  const env = loadServerEnv();
  return { GOOGLE_CLIENT_ID: env.GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET: env.GOOGLE_CLIENT_SECRET, GOOGLE_REDIRECT_URI: env.GOOGLE_REDIRECT_URI };
}

/** `vault` is the process's vault unless a test brings its own. */
export function createServices(db: Db, vault: () => Vault = getVault) {
  const flows = createFlowService(db);
  const credentials = createCredentialService(db, vault);
  return {
    apiKeys: createApiKeyService(db),
    credentials,
    google: createGoogleConnectionService(credentials, googleClientEnv(), googleEndpointsFromEnv(loadServerEnv())),
    flows,
    flowCompiler: createFlowCompileService(flows, credentials),
    flowHistory: createFlowHistoryService(db, flows),
    flowImports: createFlowImportService(db, flows),
    flowMembers: createFlowMemberService(db),
    flowTools: createFlowToolService(db),
    providerModels: createProviderModelService(credentials),
    providerStatus: createProviderStatusService(),
    shares: createShareService(db, flows),
    templates: createTemplateService(flows),
  };
}

export type Services = ReturnType<typeof createServices>;
