import { describe, expect, it } from "vitest";
import type { ModelConfig } from "@/lib/flow/handles";
import { createScriptedProvider, lastUserText, systemText } from "@/testing/scripted-provider";
import { AgentRole, OrchestrationPattern, createOrchestrator } from "./index";
import { createProviderResolver } from "./providers";

describe("createOrchestrator (the guide's code API)", () => {
  it("runs agents added in code on the same engine, in the named pattern", async () => {
    const provider = createScriptedProvider({ respond: (call) => `${lastUserText(call)}+${/You are (\S+),/.exec(systemText(call))![1]}` });
    const orchestrator = createOrchestrator("pipeline", "SEQUENTIAL")
      .addAgent({ id: "planner", role: "coordinator", capabilities: ["planning"] })
      .addAgent({ id: "writer", role: "specialist", capabilities: ["writing"] });
    const result = await orchestrator.execute({ query: "AI trends" }, { providers: provider });
    expect(result).toMatchObject({ status: "completed", output: "AI trends+planner+writer" });
    expect(systemText(provider.calls[0]!)).toContain("planning");
  });

  it("gives agents without a model the default provider, and passes a model's settings to the resolver", async () => {
    const seen: Array<ModelConfig | undefined> = [];
    const provider = createScriptedProvider({ respond: () => "ok" });
    const orchestrator = createOrchestrator("research", "PARALLEL")
      .addAgent({ id: "local", role: "specialist" })
      .addAgent({ id: "cloud", role: "specialist", model: { provider: "anthropic", model: "claude-x" } });
    const result = await orchestrator.execute(
      { query: "q" },
      { providers: (model) => (seen.push(model), provider) },
    );
    expect(result.status).toBe("completed");
    expect(seen).toContainEqual(undefined);
    expect(seen).toContainEqual(expect.objectContaining({ provider: "anthropic", model: "claude-x" }));
  });

  it("refuses to run a pattern its agents cannot fill", async () => {
    const orchestrator = createOrchestrator("lonely", "SUPERVISOR").addAgent({ id: "solo", role: "worker" });
    await expect(orchestrator.execute({ query: "x" }, { providers: createScriptedProvider() })).rejects.toThrow(/at least two agents/);
  });
});

describe("createOrchestrator with the guide's enums", () => {
  it("takes OrchestrationPattern and AgentRole as values, as the guide writes them", async () => {
    const provider = createScriptedProvider({ respond: () => "ok" });
    const orchestrator = createOrchestrator("research", OrchestrationPattern.HIERARCHICAL)
      .addAgent({ id: "coordinator", role: AgentRole.COORDINATOR, capabilities: ["planning", "delegation"] })
      .addAgent({ id: "Research agent", role: AgentRole.SPECIALIST });
    expect(orchestrator.pattern).toBe("HIERARCHICAL");
    const team = orchestrator.toGraph().nodes.find((node) => node.id === "team")!;
    expect(team.data).toEqual({ config: { pattern: "HIERARCHICAL", maxRounds: 3 } });
    const result = await orchestrator.execute({ query: "AI trends" }, { providers: provider });
    expect(result.status).toBe("completed");
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["Research_agent"]);
  });

  it("accepts pattern and role strings in any case, and names the choices for an unknown one", () => {
    expect(createOrchestrator("a", "hierarchical").pattern).toBe("HIERARCHICAL");
    expect(createOrchestrator("b", " Parallel ").pattern).toBe("PARALLEL");
    const graph = createOrchestrator("c", "sequential").addAgent({ id: "x", role: "COORDINATOR" }).toGraph();
    expect(graph.nodes.find((node) => node.id === "agent:x")!.data).toMatchObject({ config: { role: "coordinator" } });
    expect(() => createOrchestrator("d", "round-robin")).toThrow(/Unknown pattern "round-robin"; use one of SEQUENTIAL, PARALLEL, HIERARCHICAL, SUPERVISOR/);
    expect(() => createOrchestrator("e", "PARALLEL").addAgent({ id: "y", role: "boss" })).toThrow(/Unknown role "boss"/);
  });
});

describe("createProviderResolver", () => {
  const signal = new AbortController().signal;

  it("resolves a credentialId to an apiKey bound to the credential's endpoint", async () => {
    const made: Array<[string | undefined, Record<string, unknown>]> = [];
    const resolver = createProviderResolver({
      resolveCredential: async (id) => ({ kind: "openai", endpoint: "https://api.openai.com/v1", secret: `key-for-${id}` }),
      createProvider: (name, overrides) => (made.push([name, overrides]), createScriptedProvider()),
      env: {},
    });
    await resolver({ provider: "openai", model: "gpt-4o-mini", credentialId: "cred-1", baseUrl: undefined }, { signal, nodeId: "m" });
    // The fetch is the address guard, which every provider request goes through.
    expect(made).toEqual([["openai", { model: "gpt-4o-mini", baseUrl: "https://api.openai.com/v1", apiKey: "key-for-cred-1", fetch: expect.any(Function) }]]);
  });

  it("explains when a credential is named but no store is configured", async () => {
    const resolver = createProviderResolver({ createProvider: () => createScriptedProvider() });
    await expect(resolver({ provider: "openai", credentialId: "cred-1" }, { signal, nodeId: "m" })).rejects.toThrow(/no credential store/);
  });

  it("asks the provider layer for its default when there is no model", async () => {
    const made: unknown[] = [];
    const resolver = createProviderResolver({ createProvider: (name, overrides) => (made.push([name, overrides]), createScriptedProvider()) });
    await resolver(undefined, { signal, nodeId: "a" });
    expect(made).toEqual([[undefined, { fetch: expect.any(Function) }]]);
  });
});
