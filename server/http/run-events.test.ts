// The run event stream over real HTTP: heartbeats while the model is silent, re-attaching to a run with
// Last-Event-ID, and warnings in the run's JSON. The run itself is a real engine run against the local Ollama
// server; only its storage is an in-memory stand-in (the run service's own tests cover storage).
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEventSchema, terminalEventTypes, type RunEvent } from "@/lib/engine/events";
import { execute } from "@/lib/engine/execute";
import { createProviderResolver } from "@/lib/engine/providers";
import { foldRunEvents } from "@/lib/engine/run-state";
import { AppError } from "@/lib/errors";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { ProviderRouter } from "@/lib/llm/router/provider-router";
import { httpStatusOf, toHttpErrorBody } from "@/server/errors";
import type { RunDetail } from "@/server/runs/run-records";
import type { RunService } from "@/server/services/run-service";
import { planOf } from "@/testing/engine-harness";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { startRouteServer } from "@/testing/route-server";
import { startOllamaServer } from "@/testing/servers/ollama";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { toAppError, type ApiContext } from "./api-route";
import { publicRun, runEventsOverHttp } from "./run-api";

/** Runs kept in memory: stored events, then live ones, as the run service streams them. */
function memoryRuns() {
  const runs = new Map<string, { events: RunEvent[]; listeners: Set<() => void> }>();
  const runOf = (runId: string) => {
    const run = runs.get(runId);
    if (!run) throw new AppError("NOT_FOUND", `run "${runId}" does not exist`);
    return run;
  };
  return {
    record(event: RunEvent) {
      const run = runs.get(event.runId) ?? { events: [], listeners: new Set() };
      runs.set(event.runId, run);
      run.events.push(event);
      for (const listener of run.listeners) listener();
    },
    service: {
      async get(_caller: unknown, runId: string) {
        const state = foldRunEvents(runOf(runId).events);
        return { id: runId, status: state.status, nodes: state.nodes, error: state.error ?? null, output: state.output ?? null } as unknown as RunDetail;
      },
      async *events(_caller: unknown, runId: string, afterSeq: number, signal?: AbortSignal) {
        const run = runOf(runId);
        for (let index = 0; !signal?.aborted; ) {
          const event = run.events[index];
          if (!event) {
            await new Promise<void>((resolve) => run.listeners.add(function wake() { run.listeners.delete(wake); resolve(); }));
            continue;
          }
          index += 1;
          if (event.seq > afterSeq) yield event;
          if (terminalEventTypes.has(event.type)) return;
        }
      },
    } as unknown as RunService,
  };
}

const flow = createGraphBuilder()
  .node("in", "input")
  .node("model", "provider.ollama")
  .node("llm", "llm")
  .node("out", "output")
  .edge("model.model", "llm.model")
  .edge("in.text", "llm.prompt")
  .edge("llm.text", "out.value");

/** Reads an SSE body to its end: the frames and the comment lines, in order. */
async function readStream(response: Response) {
  const text = await response.text();
  const blocks = text.split("\n\n").filter(Boolean);
  return blocks.map((block) => (block.startsWith(":") ? { comment: block } : { id: Number(/^id: (\d+)/m.exec(block)?.[1]), event: /^event: (.+)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
}

let ollama: ScriptedServer;
let app: Awaited<ReturnType<typeof startRouteServer>>;
const store = memoryRuns();

async function startRun(runId: string, options: { env?: Record<string, string>; graph?: typeof flow } = {}) {
  const env = options.env ?? { OLLAMA_HOST: ollama.url };
  const providers = createProviderResolver({ createProvider: (name, overrides) => new ProviderRouter({ env }).getProvider(name as "ollama", overrides) });
  return execute(planOf(options.graph ?? flow), { runId, input: "Weather?", providers, onEvent: store.record });
}

const streamOf = async (runId: string) =>
  (await readStream(await fetch(`${app.url}/api/v1/runs/${runId}/events`))).filter((frame) => "data" in frame).map((frame) => runEventSchema.parse((frame as { data: unknown }).data));

beforeAll(async () => {
  ollama = await startOllamaServer();
  app = await startRouteServer([
    {
      method: "GET",
      path: /^\/api\/v1\/runs\/([^/]+)\/events$/,
      paramNames: ["id"],
      handler: async (request, { params }) => {
        const context = { request, runs: store.service, caller: me } as ApiContext;
        try {
          return await runEventsOverHttp(context, (await params).id, { heartbeatMs: 5 });
        } catch (error) {
          const appError = toAppError(error);
          return Response.json(toHttpErrorBody(appError), { status: httpStatusOf(appError.code) });
        }
      },
    },
  ]);
});

afterAll(async () => {
  await app?.close();
  await ollama?.close();
});

describe("GET /api/v1/runs/{id}/events", () => {
  it("sends heartbeat comments while the model is silent, then the run's events to its end", async () => {
    // A cold model: a long pause before the first word (long against the 5 ms heartbeat of this test).
    ollama.enqueue({ text: ["Cold", " today."], chunkDelayMs: 300 });
    const running = startRun("run-silent");
    const response = await fetch(`${app.url}/api/v1/runs/run-silent/events`);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const frames = await readStream(response);
    await running;
    const firstDelta = frames.findIndex((frame) => "event" in frame && frame.event === "node.delta");
    expect(frames.slice(0, firstDelta).some((frame) => "comment" in frame && frame.comment === ": ping")).toBe(true);
    const events = frames.filter((frame) => "data" in frame).map((frame) => runEventSchema.parse((frame as { data: unknown }).data));
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.at(-1)!.type).toBe("run.completed");
  });

  it("re-attaches to a finished run after Last-Event-ID: nothing missed, nothing repeated", async () => {
    ollama.enqueue({ text: ["Sunny", " and", " warm."] });
    await startRun("run-resume");
    const all = (await readStream(await fetch(`${app.url}/api/v1/runs/run-resume/events`))).filter((frame) => "id" in frame);
    const resumed = (await readStream(await fetch(`${app.url}/api/v1/runs/run-resume/events`, { headers: { "last-event-id": "3" } }))).filter((frame) => "id" in frame);
    expect(resumed.map((frame) => (frame as { id: number }).id)).toEqual(all.slice(3).map((frame) => (frame as { id: number }).id));
    expect((resumed.at(-1) as { event: string }).event).toBe("run.completed");
  });

  it("answers 404 for a run that does not exist and 400 for a Last-Event-ID that is not a seq", async () => {
    expect((await fetch(`${app.url}/api/v1/runs/nope/events`)).status).toBe(404);
    const bad = await fetch(`${app.url}/api/v1/runs/run-resume/events`, { headers: { "last-event-id": "abc" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Last-Event-ID");
  });
});

describe("the run's JSON", () => {
  it("lists every node's warnings: an empty answer cut off at the token limit", async () => {
    ollama.enqueue({ reasoning: "Thinking about the weather", finishReason: "length" });
    await startRun("run-cut");
    const json = publicRun(await store.service.get(me, "run-cut"));
    expect(json.warnings.map((warning) => `${warning.nodeId}:${warning.code}`)).toEqual(["llm:empty_answer", "llm:cut_off"]);
    expect(json.nodes.llm).toMatchObject({ reasoning: "Thinking about the weather", finishReason: "length" });
  });
});

describe("provider faults as an API client sees them", () => {
  let openai: ScriptedServer;
  beforeAll(async () => void (openai = await startOpenAIServer({ apiKey: "sk-test-0123456789abcdef" })));
  afterAll(() => openai.close());
  const openaiEnv = () => ({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: "sk-test-0123456789abcdef" });

  it("an unreachable model server: the failure's kind and hint in the events and the run's error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const down = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await startRun("run-down", { env: { OLLAMA_HOST: down } });
    const events = await streamOf("run-down");
    expect(events.find((event) => event.type === "node.failed")).toMatchObject({ nodeId: "llm", errorKind: "unavailable", hint: expect.stringContaining("ollama serve") });
    expect(publicRun(await store.service.get(me, "run-down")).error).toMatchObject({ code: "provider_unavailable", errorKind: "unavailable", nodeId: "llm" });
  });

  it("a reasoning model on a node's default settings answers", async () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.openai", { model: "o4-mini" })
      .node("llm", "llm")
      .node("out", "output")
      .edge("model.model", "llm.model")
      .edge("in.text", "llm.prompt")
      .edge("llm.text", "out.value");
    openai.enqueue({ text: "Mild." });
    await startRun("run-o4", { env: openaiEnv(), graph });
    expect(publicRun(await store.service.get(me, "run-o4"))).toMatchObject({ status: "succeeded", output: "Mild.", warnings: [] });
  });

  it("tool arguments the model got wrong come back as a tool error, and the run goes on", async () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.openai")
      .node("calc", "tool.calculator")
      .node("agent", "agent")
      .node("out", "output")
      .edge("model.model", "agent.model")
      .edge("calc.tool", "agent.tools")
      .edge("in.text", "agent.input")
      .edge("agent.text", "out.value");
    openai.enqueue({ toolCalls: [{ id: "c1", name: "calculator", arguments: {}, rawArguments: "[1, 2]" }] }, { text: "Sorry, done." });
    await startRun("run-tool", { env: openaiEnv(), graph });
    const events = await streamOf("run-tool");
    expect(events.find((event) => event.type === "node.tool_result")).toMatchObject({ callId: "c1", isError: true });
    expect(events.at(-1)).toMatchObject({ type: "run.completed", output: "Sorry, done." });
  });
});
