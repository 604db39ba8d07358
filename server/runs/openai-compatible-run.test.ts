// The fourth provider end to end: a flow whose model node is `provider.openai-compatible` runs through the run
// service, the real engine and the openai SDK against a local OpenAI-compatible server, and streams its answer.
// The server's own endpoint (OPENAI_COMPATIBLE_BASE_URL) is trusted as OLLAMA_HOST is; a Base URL typed on the
// node passes the address guard, and a stored key goes only to the server it was stored for.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createVault } from "@/lib/secrets";
import { createServices } from "@/server/services";
import { eventsAfter } from "@/server/runs/run-event-rows";
import type { RunService } from "@/server/runs/run-service";
import { testDatabases } from "@/testing/databases";
import { modelNodeGraph } from "@/testing/flow-graphs";
import { createProviderRunService } from "@/testing/provider-runs";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { localTestCaller as me } from "@/testing/trpc-caller";

const STORED_KEY = "sk-local-server-key-5d21";

function graphUsing(config: Record<string, unknown>): FlowGraph {
  return modelNodeGraph("provider.openai-compatible", { model: "local-llama", ...config });
}

describe.each(testDatabases())("an OpenAI-compatible model node on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let configured: ScriptedServer;
  let other: ScriptedServer;
  let services: ReturnType<typeof createServices>;

  /** A run service whose server environment is `env`, reading the run user's stored credentials. */
  const runServiceWith = (env: Record<string, string>) => createProviderRunService(database, services, env);

  async function runFlow(runs: RunService, graph: FlowGraph) {
    const flow = await services.flows.create(me, { name: "Local model", graph });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "Say hello" });
    const detail = await runs.waitFor(me, runId);
    // The stored events, as replay decodes them (a node's deltas share a row).
    const events = eventsAfter(await database.prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } }), 0);
    return { detail, events };
  }

  beforeAll(async () => {
    [configured, other] = await Promise.all([startOpenAIServer(), startOpenAIServer({ apiKey: STORED_KEY })]);
    database = await create();
    const vault = createVault(randomBytes(32));
    services = createServices(database, () => vault);
  });
  afterEach(() => {
    configured.reset();
    other.reset();
  });
  afterAll(async () => {
    await Promise.all([configured?.close(), other?.close()]);
    await database?.drop();
  });

  it("runs against the server's OPENAI_COMPATIBLE_BASE_URL and streams the answer, with no key", async () => {
    const runs = runServiceWith({ OPENAI_COMPATIBLE_BASE_URL: configured.url });
    configured.enqueue({ text: ["Hello ", "from a ", "local server."] });
    const { detail, events } = await runFlow(runs, graphUsing({ temperature: 0.2, maxTokens: 256 }));
    await runs.idle();

    expect(detail).toMatchObject({ status: "succeeded", output: "Hello from a local server." });
    const deltas = events.filter((event) => event.type === "node.delta" && event.nodeId === "llm").map((event) => (event as { text: string }).text);
    expect(deltas).toEqual(["Hello ", "from a ", "local server."]);
    const [request] = configured.requests;
    expect(request).toMatchObject({ path: "/v1/chat/completions", body: { model: "local-llama", stream: true, temperature: 0.2, max_tokens: 256 } });
    expect(request!.body).not.toHaveProperty("max_completion_tokens");
    expect(request!.headers.authorization).toBeUndefined();
  });

  it("sends a stored key only to the server it was stored for", async () => {
    const runs = runServiceWith({ OPENAI_COMPATIBLE_BASE_URL: configured.url, OSMEN_HTTP_ALLOWLIST: "127.0.0.1" });
    const credential = await services.credentials.create(me, { name: "vLLM box", kind: "openai-compatible", secret: STORED_KEY, baseUrl: other.url });
    expect(credential.endpoint).toBe(other.url);
    const { detail } = await runFlow(runs, graphUsing({ credentialId: credential.id }));
    await runs.idle();

    expect(detail).toMatchObject({ status: "succeeded", output: "Hello from the local OpenAI test server." });
    expect(other.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${STORED_KEY}`]);
    expect(configured.requests).toEqual([]);
    await expect(services.credentials.create(me, { name: "No server", kind: "openai-compatible", secret: STORED_KEY })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a Base URL typed on the node on a loopback address unless OSMEN_HTTP_ALLOWLIST names it", async () => {
    const guarded = runServiceWith({});
    const refused = await runFlow(guarded, graphUsing({ baseUrl: configured.url }));
    await guarded.idle();
    expect(refused.detail.status).toBe("failed");
    expect(configured.requests).toEqual([]);

    const allowed = runServiceWith({ OSMEN_HTTP_ALLOWLIST: "127.0.0.1" });
    const { detail } = await runFlow(allowed, graphUsing({ baseUrl: configured.url }));
    await allowed.idle();
    expect(detail).toMatchObject({ status: "succeeded", output: "Hello from the local OpenAI test server." });
  });

  it("fails the node with how to set a Base URL when neither the node nor the server names one", async () => {
    const runs = runServiceWith({});
    const { detail } = await runFlow(runs, graphUsing({}));
    await runs.idle();
    expect(detail.status).toBe("failed");
    expect(JSON.stringify(detail)).toContain("OPENAI_COMPATIBLE_BASE_URL");
  });
});
