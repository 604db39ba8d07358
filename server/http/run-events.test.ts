// The run event stream and the run's JSON as an API client sees them, end to end: the app's route handlers
// over real HTTP with a run-scoped API key, the real run service on a real database (SQLite, and PostgreSQL
// when TEST_DATABASE_URL is set), stored credentials, the default provider layer and the official SDKs,
// against local Ollama and OpenAI protocol servers.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runEventSchema, type RunEvent } from "@/lib/engine/events";
import { createProviderResolver } from "@/lib/engine/providers";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { ProviderRouter } from "@/lib/llm/router/provider-router";
import { createVault } from "@/lib/secrets";
import { createServices, type Services } from "@/server/services";
import { createRunService, type RunService } from "@/server/runs/run-service";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { startRouteServer } from "@/testing/route-server";
import { startOllamaServer } from "@/testing/servers/ollama";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createGate } from "@/testing/latches";
import { createTestUser, type TestUser } from "@/testing/users";

// The route handlers read the heartbeat interval from the server's environment: 5 ms here, so a model held
// silent until a heartbeat arrives keeps the test short instead of waiting the default 15 s.
vi.hoisted(() => {
  process.env.OSMEN_SSE_HEARTBEAT_MS = "5";
});

const OPENAI_KEY = "sk-test-0123456789abcdef";

/** Reads an SSE body to its end: the frames and the comment lines, in order. */
async function readStream(response: Response) {
  return framesOf(await response.text());
}

function framesOf(text: string) {
  const blocks = text.split("\n\n").filter(Boolean);
  return blocks.map((block) =>
    block.startsWith(":")
      ? { comment: block }
      : { id: Number(/^id: (\d+)/m.exec(block)?.[1]), event: /^event: (.+)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as unknown },
  );
}

const eventsOf = (frames: ReturnType<typeof framesOf>): RunEvent[] =>
  frames.filter((frame) => "data" in frame).map((frame) => runEventSchema.parse((frame as { data: unknown }).data));

/** input -> llm or agent (on the given model node) -> output, with a calculator tool for the agent. */
function openaiGraph(config: Record<string, unknown>, { agent = false } = {}): FlowGraph {
  const at = (x: number, y = 0) => ({ x, y });
  const answerer = agent ? "agent" : "llm";
  return {
    version: 1,
    nodes: [
      { id: "in", type: "input", position: at(0), data: {} },
      { id: "model", type: "provider.openai", position: at(220, 200), data: { config } },
      ...(agent ? [{ id: "calc", type: "tool.calculator", position: at(220, 400), data: {} }] : []),
      { id: answerer, type: answerer, position: at(440), data: {} },
      { id: "out", type: "output", position: at(660), data: {} },
    ],
    edges: [
      { id: "e-in", source: "in", sourceHandle: "text", target: answerer, targetHandle: agent ? "input" : "prompt" },
      { id: "e-model", source: "model", sourceHandle: "model", target: answerer, targetHandle: "model" },
      ...(agent ? [{ id: "e-tool", source: "calc", sourceHandle: "tool", target: "agent", targetHandle: "tools" }] : []),
      { id: "e-out", source: answerer, sourceHandle: "text", target: "out", targetHandle: "value" },
    ],
  };
}

/** A loopback address where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
  await new Promise((resolve) => closed.close(resolve));
  return url;
}

describe.each(testDatabases())("the run API on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let ollama: ScriptedServer;
  let openai: ScriptedServer;
  let app: Awaited<ReturnType<typeof startRouteServer>>;
  let singletons: { restore: () => void };
  let services: Services;
  let runs: RunService;
  let owner: TestUser;
  let ownerKey: string;
  let strangerKey: string;

  beforeAll(async () => {
    [ollama, openai] = await Promise.all([startOllamaServer(), startOpenAIServer({ apiKey: OPENAI_KEY })]);
    database = await create();
    const vault = createVault(randomBytes(32));
    services = createServices(database, () => vault);
    // The server's environment: Ollama at the local server; 127.0.0.1 allowlisted so a node's Base URL on a
    // loopback test server passes the address guard as a public host would.
    const env = { OLLAMA_HOST: ollama.url, OSMEN_HTTP_ALLOWLIST: "127.0.0.1" };
    const router = new ProviderRouter({ env });
    runs = createRunService({ db: database, flows: services.flows }, {
      maxConcurrentRuns: 4,
      runTimeoutMs: 30_000,
      // As in production (server/app.ts): a run reads the credentials of the user it runs as. Retries wait a
      // minute, so a failure that is retried cannot finish within a test's time.
      providers: (userId) =>
        createProviderResolver({
          env,
          createProvider: (name, overrides) => router.getProvider(name as "ollama", { ...overrides, retryDelayMs: 60_000 }),
          resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id),
        }),
      describeCredentials: (userId, ids) => services.credentials.describe({ userId }, ids),
    });
    singletons = useAppSingletons({ db: database, runs, vault });
    const [eventsRoute, runRoute] = await Promise.all([import("@/app/api/v1/runs/[id]/events/route"), import("@/app/api/v1/runs/[id]/route")]);
    app = await startRouteServer([
      { method: "GET", path: /^\/api\/v1\/runs\/([^/]+)\/events$/, paramNames: ["id"], handler: eventsRoute.GET },
      { method: "GET", path: /^\/api\/v1\/runs\/([^/]+)$/, paramNames: ["id"], handler: runRoute.GET },
    ]);
    owner = await createTestUser(database);
    ownerKey = (await services.apiKeys.create(owner.caller, { name: "runs", scope: "run" })).key;
    const stranger = await createTestUser(database);
    strangerKey = (await services.apiKeys.create(stranger.caller, { name: "runs", scope: "run" })).key;
  });

  afterEach(async () => {
    await runs.idle();
    ollama.reset();
    openai.reset();
  });

  afterAll(async () => {
    await runs?.idle();
    await app?.close();
    singletons?.restore();
    await Promise.all([ollama?.close(), openai?.close()]);
    await database?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}, key = ownerKey) =>
    fetch(`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
  const streamOf = async (runId: string) => eventsOf(await readStream(await get(`/runs/${runId}/events`)));
  const runJson = async (runId: string) => (await get(`/runs/${runId}`)).json();

  async function startRun(graph: FlowGraph, input = "Weather?") {
    const flow = await services.flows.create(owner.caller, { name: "Weather", graph });
    return (await runs.start(owner.caller, { flowId: flow.id, input, source: "api" })).runId;
  }

  const openaiCredential = () => services.credentials.create(owner.caller, { name: "Local OpenAI", kind: "openai", secret: OPENAI_KEY, baseUrl: openai.url });

  describe("GET /api/v1/runs/{id}/events", () => {
    it("sends heartbeat comments while the model is silent, then the run's events to its end", async () => {
      // A cold model: silent until this test has read a heartbeat, then it answers.
      const warm = createGate();
      ollama.enqueue({ text: ["Cold", " today."], until: warm.promise });
      const runId = await startRun(chatGraph());
      const response = await get(`/runs/${runId}/events`);
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        text += read.value;
        if (/^: ping$/m.test(text)) warm.open();
      }
      const frames = framesOf(text);
      const firstDelta = frames.findIndex((frame) => "event" in frame && frame.event === "node.delta");
      expect(firstDelta).toBeGreaterThan(0);
      expect(frames.slice(0, firstDelta).some((frame) => "comment" in frame && frame.comment === ": ping")).toBe(true);
      const events = eventsOf(frames);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
      expect(events.at(-1)).toMatchObject({ type: "run.completed", output: "Cold today." });
    });

    it("re-attaches after Last-Event-ID, mid-run and after the end: every later event exactly once", async () => {
      ollama.enqueue({ text: ["Sunny", " and", " warm", " all", " day."], chunkDelayMs: 100 });
      const runId = await startRun(chatGraph());
      // A client cut off mid-run: it read up to the first delta, then the connection dropped.
      const first = await get(`/runs/${runId}/events`);
      const reader = first.body!.getReader();
      const decoder = new TextDecoder();
      let seen = "";
      while (!/event: node\.delta/.test(seen)) seen += decoder.decode((await reader.read()).value, { stream: true });
      await reader.cancel();
      const lastSeen = Math.max(...[...seen.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1])));
      expect(lastSeen).toBeGreaterThan(0);

      const resumed = eventsOf(await readStream(await get(`/runs/${runId}/events`, { "last-event-id": String(lastSeen) })));
      expect(resumed[0]!.seq).toBe(lastSeen + 1);
      expect(resumed.map((event) => event.seq)).toEqual(resumed.map((_, index) => lastSeen + 1 + index));
      expect(resumed.at(-1)).toMatchObject({ type: "run.completed", output: "Sunny and warm all day." });

      // After the end: the same run replayed from seq 3 is exactly the stored events after it.
      const all = (await readStream(await get(`/runs/${runId}/events`))).filter((frame) => "id" in frame);
      const fromThree = (await readStream(await get(`/runs/${runId}/events`, { "last-event-id": "3" }))).filter((frame) => "id" in frame);
      expect(fromThree.map((frame) => (frame as { id: number }).id)).toEqual(all.slice(3).map((frame) => (frame as { id: number }).id));
      expect((fromThree.at(-1) as { event: string }).event).toBe("run.completed");
      expect(all.map((frame) => (frame as { id: number }).id)).toEqual(all.map((_, index) => index + 1));
    });

    it("answers 404 for a run that does not exist or is another user's, and 400 for a Last-Event-ID that is not a seq", async () => {
      ollama.enqueue({ text: ["Private."] });
      const runId = await startRun(chatGraph());
      await runs.waitFor(owner.caller, runId);
      expect((await get("/runs/nope/events")).status).toBe(404);
      const foreign = await get(`/runs/${runId}/events`, {}, strangerKey);
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).not.toContain("Private.");
      expect((await get(`/runs/${runId}`, {}, strangerKey)).status).toBe(404);
      expect((await get(`/runs/${runId}/events`, {}, "osm_not_a_key")).status).toBe(401);
      const bad = await get(`/runs/${runId}/events`, { "last-event-id": "abc" });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain("Last-Event-ID");
    });
  });

  describe("GET /api/v1/runs/{id}", () => {
    it("lists every node's warnings: an empty answer cut off at the token limit", async () => {
      ollama.enqueue({ reasoning: "Thinking about the weather", finishReason: "length" });
      const runId = await startRun(chatGraph());
      await runs.waitFor(owner.caller, runId);
      const json = await runJson(runId);
      expect(json.warnings.map((warning: { nodeId: string; code: string }) => `${warning.nodeId}:${warning.code}`)).toEqual(["llm:empty_answer", "llm:cut_off"]);
      expect(json.nodes.llm).toMatchObject({ reasoning: "Thinking about the weather", finishReason: "length" });
    });
  });

  describe("provider faults as an API client sees them", () => {
    it("an unreachable model server: the failure's kind and hint in the events and the run's error, at once", async () => {
      const down = await closedPortUrl();
      const runId = await startRun(chatGraph({ baseUrl: down }));
      // A refused connection is not retried: with a minute between retries, a retry would outlast this test.
      const events = await streamOf(runId);
      expect(events.find((event) => event.type === "node.failed")).toMatchObject({ nodeId: "llm", errorKind: "unavailable", hint: expect.stringContaining("ollama serve") });
      expect(events.at(-1)?.type).toBe("run.failed");
      expect((await runJson(runId)).error).toMatchObject({ code: "provider_unavailable", errorKind: "unavailable", nodeId: "llm" });
    });

    it("a reasoning model on a node's default settings answers", async () => {
      const credential = await openaiCredential();
      openai.enqueue({ text: "Mild." });
      const runId = await startRun(openaiGraph({ model: "o4-mini", credentialId: credential.id }));
      await runs.waitFor(owner.caller, runId);
      expect(await runJson(runId)).toMatchObject({ status: "succeeded", output: "Mild.", warnings: [] });
      expect(openai.requests.filter((request) => request.path.endsWith("/chat/completions")).map((request) => request.body.model)).toEqual(["o4-mini"]);
    });

    it("tool arguments the model got wrong come back as a tool error, and the run goes on", async () => {
      const credential = await openaiCredential();
      openai.enqueue({ toolCalls: [{ id: "c1", name: "calculator", arguments: {}, rawArguments: "[1, 2]" }] }, { text: "Sorry, done." });
      const runId = await startRun(openaiGraph({ model: "gpt-4o-mini", credentialId: credential.id }, { agent: true }));
      const events = await streamOf(runId);
      expect(events.find((event) => event.type === "node.tool_result")).toMatchObject({ callId: "c1", isError: true });
      expect(events.at(-1)).toMatchObject({ type: "run.completed", output: "Sorry, done." });
      // The model's second request carries the tool error back as the call's result.
      const second = openai.requests.filter((request) => request.path.endsWith("/chat/completions"))[1];
      expect(second?.body.messages.find((message: { role: string }) => message.role === "tool")).toMatchObject({ tool_call_id: "c1" });
    });
  });
});
