// Which model providers this server can use now, for Settings: the same probe and the same summary as the CLI's
// `providers` command (ProviderRouter.status, summarizeProviderStatuses), with no key, only whether one is set.
import type { Environment } from "@/lib/credentials/endpoints";
import type { ProviderStatusSummary } from "@/lib/llm/router/provider-status";
import type { Caller } from "@/server/auth/caller";

export type ProviderStatusServiceOptions = {
  /** The server's environment: its endpoints and keys. Defaults to process.env. */
  env?: Environment;
};

async function probeStatuses(env: Environment | undefined): Promise<ProviderStatusSummary[]> {
  // Loaded on first use: the vendor SDKs are only needed once someone asks.
  const { ProviderRouter, summarizeProviderStatuses } = await import("@/lib/llm");
  return summarizeProviderStatuses(await new ProviderRouter({ env }).status());
}

export function createProviderStatusService(options: ProviderStatusServiceOptions = {}) {
  /**
   * Every provider in priority order. The server's own endpoints are its configuration: an admin (who sets it, and
   * local mode's owner) sees them; anyone else sees availability, key and default model only.
   */
  async function list(caller: Pick<Caller, "role">): Promise<ProviderStatusSummary[]> {
    const summaries = await probeStatuses(options.env);
    return caller.role === "admin" ? summaries : summaries.map(({ baseUrl: _endpoint, ...rest }) => rest);
  }

  return { list };
}

export type ProviderStatusService = ReturnType<typeof createProviderStatusService>;
