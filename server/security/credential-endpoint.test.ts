// A stored key reaches only the endpoint it was stored for: through the credential, compile and run services,
// the real engine and OpenAI's SDK, to local OpenAI servers that record every request's headers.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProviderResolver } from "@/lib/engine";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createVault } from "@/lib/secrets";
import { createServices } from "@/server/services";
import { createRunService, type RunService } from "@/server/runs/run-service";
import { testDatabases } from "@/testing/databases";
import { modelNodeGraph } from "@/testing/flow-graphs";
import { createProviderRunService } from "@/testing/provider-runs";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";

const STORED_KEY = "sk-proj-stored-endpoint-key-7f3a";
const SERVER_KEY = "sk-proj-server-environment-key-91bc";

function graphUsing(config: { credentialId?: string; baseUrl?: string }): FlowGraph {
  return modelNodeGraph("provider.openai", { model: "gpt-4o-mini", ...config });
}

describe.each(testDatabases())("credential endpoints on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let keyServer: ScriptedServer;
  let otherServer: ScriptedServer;
  let runs: RunService;
  let services: ReturnType<typeof createServices>;
  // The server's environment: its own OpenAI endpoint with its key; 127.0.0.1 allowlisted so the test servers
  // pass the address guard as public hosts would.
  let env: Record<string, string>;

  beforeAll(async () => {
    [keyServer, otherServer] = await Promise.all([startOpenAIServer({ apiKey: STORED_KEY }), startOpenAIServer()]);
    database = await create();
    const db = database;
    const vault = createVault(randomBytes(32));
    services = createServices(db, () => vault);
    env = { OPENAI_API_KEY: SERVER_KEY, OSMEN_HTTP_ALLOWLIST: "127.0.0.1" };
    runs = createProviderRunService(db, services, env);
  });
  afterEach(async () => {
    await runs.idle();
    keyServer.reset();
    otherServer.reset();
  });
  afterAll(async () => {
    await Promise.all([keyServer?.close(), otherServer?.close()]);
    await database?.drop();
  });

  it("stores each key with its endpoint: the Base URL entered with it, else the official API", async () => {
    const proxied = await services.credentials.create(me, { name: "Proxy", kind: "openai", secret: STORED_KEY, baseUrl: `${keyServer.url}/` });
    const official = await services.credentials.create(me, { name: "Official", kind: "anthropic", secret: "sk-ant-official-0000" });
    expect(proxied.endpoint).toBe(keyServer.url);
    expect(official.endpoint).toBe("https://api.anthropic.com");
    await expect(services.credentials.create(me, { name: "Bad", kind: "openai", secret: STORED_KEY, baseUrl: "ftp://files.example" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(services.credentials.create(me, { name: "Bad", kind: "google_oauth_client", secret: "client-secret-x", baseUrl: "https://x.example" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await services.credentials.describe(me, [proxied.id, "missing"])).toEqual(new Map([[proxied.id, { kind: "openai", endpoint: keyServer.url }]]));
  });

  it("sends a stored key to the endpoint it was stored for", async () => {
    const credential = await services.credentials.create(me, { name: "Mine", kind: "openai", secret: STORED_KEY, baseUrl: keyServer.url });
    const flow = await services.flows.create(me, { name: "Keyed", graph: graphUsing({ credentialId: credential.id }) });
    expect((await services.flowCompiler.compileFlow(me, flow.id)).diagnostics).toEqual([]);
    const { runId } = await runs.start(me, { flowId: flow.id, input: "hello" });
    expect(await runs.waitFor(me, runId)).toMatchObject({ status: "succeeded", output: "Hello from the local OpenAI test server." });
    expect(keyServer.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${STORED_KEY}`]);
  });

  it("does not compile or start the same key with another Base URL, and refuses it at run time", async () => {
    const credential = await services.credentials.create(me, { name: "Mine", kind: "openai", secret: STORED_KEY, baseUrl: keyServer.url });
    const graph = graphUsing({ credentialId: credential.id, baseUrl: otherServer.url });
    const report = await services.flowCompiler.compileGraph(me, graph);
    expect(report.plan).toBeNull();
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: "credential_mismatch", nodeId: "model", field: "baseUrl" })]);

    const flow = await services.flows.create(me, { name: "Elsewhere", graph });
    await expect(runs.start(me, { flowId: flow.id, input: "hello" })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });

    // A run service without the compile-time check (or a credential changed after compiling) still refuses.
    const unchecked = createRunService({ db: database, flows: services.flows }, {
      maxConcurrentRuns: 1,
      runTimeoutMs: 20_000,
      providers: (userId) => createProviderResolver({ env, resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id) }),
    });
    const { runId } = await unchecked.start(me, { flowId: flow.id, input: "hello" });
    const detail = await unchecked.waitFor(me, runId);
    expect(detail.status).toBe("failed");
    expect(JSON.stringify(detail)).toContain("credential_mismatch");
    expect(JSON.stringify(detail)).not.toContain(STORED_KEY);
    expect(otherServer.requests).toEqual([]);
    expect(keyServer.requests).toEqual([]);
  });

  it("does not send the server's OPENAI_API_KEY to a node's Base URL", async () => {
    const flow = await services.flows.create(me, { name: "Own URL", graph: graphUsing({ baseUrl: otherServer.url }) });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "hello" });
    const detail = await runs.waitFor(me, runId);
    expect(detail.status).toBe("failed");
    expect(JSON.stringify(detail)).toContain("needs a key of its own");
    expect(otherServer.requests.filter((request) => request.headers.authorization !== undefined)).toEqual([]);
  });

  it("refuses a node's Base URL on an internal address, without reaching it", async () => {
    const guarded = createRunService({ db: database, flows: services.flows }, {
      maxConcurrentRuns: 1,
      runTimeoutMs: 20_000,
      providers: (userId) =>
        createProviderResolver({ env: { OPENAI_API_KEY: SERVER_KEY }, resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id) }),
    });
    const credential = await services.credentials.create(me, { name: "Loopback", kind: "openai", secret: STORED_KEY, baseUrl: keyServer.url });
    const flow = await services.flows.create(me, { name: "Internal", graph: graphUsing({ credentialId: credential.id }) });
    const detail = await guarded.waitFor(me, (await guarded.start(me, { flowId: flow.id, input: "hello" })).runId);
    expect(detail.status).toBe("failed");
    expect(JSON.stringify(detail)).toMatch(/loopback address/);
    expect(keyServer.requests).toEqual([]);
  });
});
