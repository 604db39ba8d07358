import { z } from "zod";
import { createTRPCRouter, fullAccessProcedure } from "@/server/api/trpc";
import { MCP_CREDENTIAL_KIND } from "@/lib/credentials/mcp-header";
import { keyedProviderNames } from "@/lib/llm/providers";
import { credentialKinds, credentialNameSchema } from "@/server/services/credential-service";

// People store model providers' keys (every keyed provider in the registry), MCP servers' keys and Google's
// OAuth client here; Google connections come from the OAuth callback.
const enterableKinds = z.enum([...keyedProviderNames, MCP_CREDENTIAL_KIND, "google_oauth_client"]);

export const credentialRouter = createTRPCRouter({
  /** The caller's own credentials: names, kinds and last four characters only (secrets are write-only). */
  list: fullAccessProcedure
    .input(z.object({ kind: z.enum(credentialKinds).optional() }).optional())
    .query(({ ctx, input }) => ctx.services.credentials.list(ctx.caller, input?.kind)),

  create: fullAccessProcedure
    .input(
      z.object({
        name: credentialNameSchema,
        kind: enterableKinds,
        secret: z.string().trim().min(8, "secret looks too short").max(10_000),
        /** Model provider keys only: the endpoint this key is for; empty means the official API (required where there is none). */
        baseUrl: z.string().trim().max(2000, "Base URL must be at most 2000 characters").optional(),
        /** MCP server keys only: the header the key is sent in; empty means `Authorization: Bearer <key>`. */
        headerName: z.string().trim().max(100, "header name must be at most 100 characters").optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.services.credentials.create(ctx.caller, input)),

  delete: fullAccessProcedure
    .input(z.object({ id: z.string().min(1).max(100) }))
    .mutation(({ ctx, input }) => ctx.services.credentials.remove(ctx.caller, input.id)),
});
