// The providers' status for Settings, probed through the real provider layer: a reachable local Ollama-protocol
// server, a cloud key set in the environment (never shown), and the server's endpoints for admins only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPortUrl } from "@/testing/closed-port";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createProviderStatusService } from "./provider-status-service.ts";

const OPENAI_KEY = "sk-status-check-key-5b1d";

describe("provider status", () => {
  let ollama: ScriptedServer;
  beforeAll(async () => (ollama = await startOllamaServer()));
  afterAll(() => ollama?.close());

  it("says which providers are available, whether each key is set and its default model, without the key", async () => {
    const service = createProviderStatusService({ env: { OLLAMA_HOST: ollama.url, OPENAI_API_KEY: OPENAI_KEY, OPENAI_MODEL: "gpt-4o-mini" } });
    const statuses = await service.list({ role: "admin" });
    expect(statuses.map((status) => status.name)).toEqual(["ollama", "openai", "anthropic", "openai-compatible"]);
    const byName = Object.fromEntries(statuses.map((status) => [status.name, status]));
    expect(byName.ollama).toMatchObject({ title: "Ollama", isAvailable: true, key: "not needed", baseUrl: ollama.url, isChosen: true });
    expect(byName.openai).toMatchObject({ isAvailable: true, key: "set", isChosen: false });
    expect(byName.anthropic).toMatchObject({ isAvailable: false, key: "not set", setupHint: expect.stringContaining("ANTHROPIC_API_KEY") });
    for (const status of statuses) expect(status.defaultModel).not.toBe("");
    expect(JSON.stringify(statuses)).not.toContain(OPENAI_KEY);
  });

  it("reports a local server that cannot be reached, and shows the server's endpoints to admins only", async () => {
    const downUrl = await closedPortUrl();
    const service = createProviderStatusService({ env: { OLLAMA_HOST: downUrl } });
    const [asAdmin] = await service.list({ role: "admin" });
    expect(asAdmin).toMatchObject({ name: "ollama", isAvailable: false, baseUrl: downUrl, isChosen: false });
    const asUser = await service.list({ role: "user" });
    expect(asUser[0]).toMatchObject({ name: "ollama", isAvailable: false });
    expect(asUser.some((status) => "baseUrl" in status)).toBe(false);
  });
});
