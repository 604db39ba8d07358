// What a run receives is stored whatever it holds: a model streaming a lone UTF-16 surrogate and a page whose
// JSON holds one and nests 200 deep. Both databases refuse such text as it is (and Prisma such nesting), which
// used to fail the run with a server error and no events; now the run succeeds and its events replay.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/engine/events";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { jsonDepth, MAX_STORED_JSON_DEPTH } from "@/lib/storable-data";
import { createFlowService } from "@/server/services/flow-service";
import { testDatabases } from "@/testing/databases";
import { createScriptedProvider, type ScriptedProvider } from "@/testing/scripted-provider";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createRunService, type RunService } from "./run-service";

/** `{"a":{"a":...{"leaf":"bad \ud800 here"}}}`, `levels` objects deep, as JSON text with the surrogate escaped. */
const deepJsonText = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"leaf":"bad \\ud800 here"}${"}".repeat(levels - 1)}`;

let server: Server;
let pageUrl = "";
const previousAllowlist = process.env.OSMEN_HTTP_ALLOWLIST;

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(`{"x":"bad \\ud800 here","deep":${deepJsonText(200)}}`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
  process.env.OSMEN_HTTP_ALLOWLIST = "127.0.0.1";
});

afterAll(async () => {
  process.env.OSMEN_HTTP_ALLOWLIST = previousAllowlist;
  await new Promise((resolve) => server.close(resolve));
});

async function collect(stream: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const agentGraph = () =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("web", "tool.http")
    .node("agent", "agent")
    .node("out", "output")
    .edge("model.model", "agent.model")
    .edge("web.tool", "agent.tools")
    .edge("in.text", "agent.input")
    .edge("agent.text", "out.value")
    .build();

describe.each(testDatabases())("hostile content in a run on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let services: RunService[] = [];
  const flows = () => createFlowService(database);
  const runService = (provider: ScriptedProvider = createScriptedProvider()) => {
    const service = createRunService({ db: database, flows: flows() }, { maxConcurrentRuns: 2, runTimeoutMs: 30_000, providers: () => provider });
    services.push(service);
    return service;
  };

  beforeAll(async () => (database = await create()));
  afterEach(async () => {
    await Promise.all(services.map((service) => service.idle()));
    services = [];
  });
  afterAll(async () => database?.drop());

  it("stores a lone surrogate streamed by the model and deep JSON from a tool, and replays every event", async () => {
    const provider = createScriptedProvider({
      replies: [{ toolCalls: [{ name: "http_request", args: { url: pageUrl } }] }, { text: "a\ud800b done", chunks: ["a\ud800", "b done"] }],
    });
    const runs = runService(provider);
    const flow = await flows().create(me, { name: "Hostile page", graph: agentGraph() });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "read \udc00 it" });
    const live = await collect(runs.events(me, runId, 0));
    expect((await runs.waitFor(me, runId)).status).toBe("succeeded");

    const stored = await runs.get(me, runId);
    expect(stored).toMatchObject({ status: "succeeded", output: "a\ufffdb done", input: "read \ufffd it" });
    expect(live.at(-1)?.type).toBe("run.completed");

    const replayed = await collect(runs.events(me, runId, 0));
    expect(replayed.map((event) => event.seq)).toEqual(live.map((event) => event.seq));
    expect(replayed.map((event) => event.type)).toEqual(live.map((event) => event.type));
    const text = replayed.flatMap((event) => (event.type === "node.delta" && event.nodeId === "agent" ? [event.text] : [])).join("");
    expect(text).toBe("a\ufffdb done");
    // The agent hands the model the page as JSON text, in which the surrogate is an escape: stored as it came.
    const toolResult = replayed.find((event) => event.type === "node.tool_result");
    expect(toolResult).toMatchObject({ isError: false, result: expect.stringContaining('"leaf\\":\\"bad \\\\ud800 here') });
    expect(toolResult).toEqual(live.find((event) => event.type === "node.tool_result"));
  });

  it("stores a run whose output nests past the stored depth, the deep part as JSON text", async () => {
    const graph = createGraphBuilder().node("web", "tool.http", { url: pageUrl }).node("out", "output").edge("web.data", "out.value").build();
    const runs = runService();
    const flow = await flows().create(me, { name: "Deep page", graph });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "" });
    expect((await runs.waitFor(me, runId)).status).toBe("succeeded");

    const stored = await runs.get(me, runId);
    expect(stored.status).toBe("succeeded");
    const output = stored.output as { json: { x: string; deep: unknown } };
    expect(output.json.x).toBe("bad \ufffd here");
    expect(jsonDepth(output)).toBeLessThanOrEqual(MAX_STORED_JSON_DEPTH);
    const replayed = await collect(runs.events(me, runId, 0));
    expect(replayed.at(-1)?.type).toBe("run.completed");
    expect(JSON.stringify(replayed)).toContain('\\"leaf\\":\\"bad \\\\ud800 here\\"');
  });
});
