import { describe, expect, it, vi } from "vitest";
import { compile } from "@/lib/flow/compile";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { createScriptedProvider, lastUserText } from "@/testing/scripted-provider";
import { execute, executeStream } from "./execute";
import type { RunEvent } from "./events";
import { planOf, recordEvents } from "@/testing/engine-harness";
import { createBarrier, createGate } from "@/testing/latches";

const chain = () =>
  createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("first", "llm")
    .node("second", "llm", { system: "be brief" })
    .node("out", "output")
    .edge("model.model", "first.model")
    .edge("model.model", "second.model")
    .edge("in.text", "first.prompt")
    .edge("first.text", "second.prompt")
    .edge("second.text", "out.value");

const fanOut = (branches: string[]) => {
  const builder = createGraphBuilder()
    .node("in", "input")
    .node("model", "provider.ollama")
    .node("join", "prompt", { template: branches.map((name) => `{{${name}}}`).join("|") })
    .node("out", "output")
    .edge("join.text", "out.value");
  for (const name of branches) builder.node(name, "llm").edge("model.model", `${name}.model`).edge("in.text", `${name}.prompt`).edge(`${name}.text`, `join.${name}`);
  return builder;
};

describe("execute: dataflow", () => {
  it("runs a chain strictly in order, streams deltas, and numbers events from 1 without gaps", async () => {
    const provider = createScriptedProvider({ replies: ["first answer", "final answer"] });
    const recorder = recordEvents();
    const result = await execute(planOf(chain()), { input: "hello", providers: provider, onEvent: recorder.onEvent, runId: "run-1" });
    expect(result).toMatchObject({ status: "completed", output: "final answer", outputs: { result: "final answer" }, runId: "run-1" });
    expect(recorder.events.map((event) => event.seq)).toEqual(recorder.events.map((_event, index) => index + 1));
    expect(result.lastSeq).toBe(recorder.events.length);
    const order = recorder.events.filter((event) => event.type === "node.started" || event.type === "node.completed").map((event) => `${event.type}:${(event as { nodeId: string }).nodeId}`);
    expect(order).toEqual(["node.started:in", "node.completed:in", "node.started:first", "node.completed:first", "node.started:second", "node.completed:second", "node.started:out", "node.completed:out"]);
    expect(recorder.of("node.delta", "second").map((event) => (event as { text: string }).text).join("")).toBe("final answer");
    expect(recorder.events[0]!.type).toBe("run.started");
    expect(recorder.events.at(-1)).toMatchObject({ type: "run.completed", output: "final answer" });
    expect(provider.calls[1]!.messages).toEqual([{ role: "system", content: "be brief" }, { role: "user", content: "first answer" }]);
    expect(recorder.of("node.completed", "second")[0]).toMatchObject({ kind: "llm", outputs: { text: "final answer" }, usage: { inputTokens: 10 } });
    expect(result.usage.inputTokens).toBe(20);
  });

  it("runs independent branches concurrently", async () => {
    // No branch answers until all three are waiting: a run that did one at a time would never get past the first.
    const barrier = createBarrier(3);
    const provider = createScriptedProvider({ respond: (call) => ({ text: `echo ${lastUserText(call)}`, until: barrier.arrive() }) });
    const recorder = recordEvents();
    const result = await execute(planOf(fanOut(["a", "b", "c"])), { input: "x", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("echo x|echo x|echo x");
    const startedAll = Math.max(...["a", "b", "c"].map((id) => recorder.indexOf("node.started", id)));
    const firstDone = Math.min(...["a", "b", "c"].map((id) => recorder.indexOf("node.completed", id)));
    expect(startedAll).toBeLessThan(firstDone);
  });

  it("fails a node, skips what depends on it, finishes the rest, and names the node in run.failed", async () => {
    const provider = createScriptedProvider({ respond: (call) => (lastUserText(call) === "boom" ? { error: "model exploded" } : "fine") });
    const builder = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("bad", "llm")
      .node("after", "llm")
      .node("good", "llm")
      .node("p", "prompt", { template: "boom" })
      .node("out1", "output", { name: "one" })
      .node("out2", "output", { name: "two" })
      .edge("model.model", "bad.model")
      .edge("model.model", "after.model")
      .edge("model.model", "good.model")
      .edge("p.text", "bad.prompt")
      .edge("bad.text", "after.prompt")
      .edge("after.text", "out1.value")
      .edge("in.text", "good.prompt")
      .edge("good.text", "out2.value");
    const recorder = recordEvents();
    const result = await execute(planOf(builder), { input: "ok", providers: provider, onEvent: recorder.onEvent });
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "node_error", nodeId: "bad" });
    expect(result.error!.message).toContain("model exploded");
    expect(recorder.of("node.failed", "bad")[0]).toMatchObject({ code: "node_error", message: "model exploded", kind: "llm" });
    expect(recorder.of("node.skipped").map((event) => [(event as { nodeId: string }).nodeId, (event as { blockedBy: string }).blockedBy])).toEqual([
      ["after", "bad"],
      ["out1", "bad"],
    ]);
    expect(result.outputs).toEqual({ two: "fine" });
    expect(recorder.events.at(-1)).toMatchObject({ type: "run.failed", nodeId: "bad" });
  });

  it("names a failed node by its label in messages, keeping its id in nodeId", async () => {
    const provider = createScriptedProvider({ respond: () => ({ error: "model exploded" }) });
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("llm-8m1k3tv4", "llm")
      .node("after", "output")
      .edge("model.model", "llm-8m1k3tv4.model")
      .edge("in.text", "llm-8m1k3tv4.prompt")
      .edge("llm-8m1k3tv4.text", "after.value")
      .build();
    graph.nodes.find((node) => node.id === "llm-8m1k3tv4")!.data.label = "Answer writer";
    const recorder = recordEvents();
    const result = await execute(compile(graph).plan!, { input: "x", providers: provider, onEvent: recorder.onEvent });
    expect(result.error).toMatchObject({ nodeId: "llm-8m1k3tv4", message: 'Node "Answer writer" failed: model exploded' });
    expect(recorder.of("node.skipped", "after")[0]).toMatchObject({ blockedBy: "llm-8m1k3tv4", reason: 'Skipped because "Answer writer" failed.' });
    expect(recorder.events.at(-1)).toMatchObject({ type: "run.failed", nodeId: "llm-8m1k3tv4", message: 'Node "Answer writer" failed: model exploded' });
  });

  it("runs a tool node's data face once with its configured arguments", async () => {
    const builder = createGraphBuilder().node("calc", "tool.calculator", { expression: "(2 + 3) * 4" }).node("out", "output").edge("calc.data", "out.value");
    const recorder = recordEvents();
    const result = await execute(planOf(builder), { onEvent: recorder.onEvent, providers: createScriptedProvider() });
    expect(result.output).toEqual({ expression: "(2 + 3) * 4", result: 20 });
  });

  it("offers the same run as an async iterable that ends after the terminal event", async () => {
    const provider = createScriptedProvider({ replies: ["a", "b"] });
    const { events, result } = executeStream(planOf(chain()), { input: "x", providers: provider });
    const seen: RunEvent[] = [];
    for await (const event of events) seen.push(event);
    expect(seen.at(-1)!.type).toBe("run.completed");
    expect((await result).lastSeq).toBe(seen.length);
  });
});

describe("execute: cancellation and time limits", () => {
  it("stops in-flight provider calls and ends with run.cancelled", async () => {
    // The calls never answer on their own: only the cancellation can end this run.
    const provider = createScriptedProvider({ respond: () => ({ text: "never", until: createGate().promise }) });
    const controller = new AbortController();
    const recorder = recordEvents();
    const running = execute(planOf(fanOut(["a", "b"])), { input: "x", providers: provider, signal: controller.signal, onEvent: recorder.onEvent });
    await vi.waitFor(() => expect(provider.calls).toHaveLength(2));
    controller.abort();
    const result = await running;
    expect(result.status).toBe("cancelled");
    expect(provider.calls.every((call) => call.isAborted)).toBe(true);
    expect(recorder.of("node.failed").map((event) => (event as { code: string }).code)).toEqual(["cancelled", "cancelled"]);
    expect(recorder.events.at(-1)).toMatchObject({ type: "run.cancelled" });
    expect(recorder.of("node.started", "join")).toEqual([]);
  });

  it("stops even a kind that ignores its signal", async () => {
    const streaming = createGate();
    const stubborn = {
      ...createScriptedProvider(),
      stream: () => {
        streaming.open();
        return { [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => undefined) }) };
      },
    };
    const controller = new AbortController();
    const result = execute(planOf(chain()), { input: "x", providers: stubborn, signal: controller.signal });
    await streaming.promise;
    controller.abort();
    expect((await result).status).toBe("cancelled");
  });

  it("delivers nothing after run.cancelled, even from a kind that streams on after the cancel", async () => {
    const chunks: ((result: IteratorResult<{ type: "text"; delta: string }>) => void)[] = [];
    const stubborn = {
      ...createScriptedProvider(),
      stream: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<{ type: "text"; delta: string }>>((resolve) => chunks.push(resolve)) }) }),
    };
    const controller = new AbortController();
    const recorder = recordEvents();
    const running = execute(planOf(chain()), { input: "x", providers: stubborn, signal: controller.signal, onEvent: recorder.onEvent });
    await vi.waitFor(() => expect(chunks).toHaveLength(1));
    chunks.shift()!({ value: { type: "text", delta: "before " }, done: false });
    await vi.waitFor(() => expect(chunks).toHaveLength(1));
    controller.abort();
    const result = await running;
    // The model goes on talking after the run has ended.
    chunks.shift()!({ value: { type: "text", delta: "after" }, done: false });
    await vi.waitFor(() => expect(chunks).toHaveLength(1));
    expect(recorder.of("node.delta", "first").map((event) => (event as { text: string }).text)).toEqual(["before "]);
    expect(recorder.events.at(-1)).toMatchObject({ type: "run.cancelled", seq: result.lastSeq });
  });

  it("fails a node that passes its per-node timeout", async () => {
    // The model never answers: only the node's limit can end it.
    const provider = createScriptedProvider({ respond: () => ({ text: "never", until: createGate().promise }) });
    const recorder = recordEvents();
    const result = await execute(planOf(chain()), { input: "x", providers: provider, nodeTimeoutMs: 50, onEvent: recorder.onEvent });
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "node_timeout", nodeId: "first" });
    expect(recorder.of("node.failed", "first")[0]).toMatchObject({ code: "node_timeout" });
    expect(provider.calls[0]!.isAborted).toBe(true);
  });

  it("ends the run at the whole-run limit", async () => {
    // The first call answers, the second never does: only the run's limit can end it.
    const provider = createScriptedProvider({ replies: ["fast", { text: "never", until: createGate().promise }] });
    const recorder = recordEvents();
    const result = await execute(planOf(chain()), { input: "x", providers: provider, runTimeoutMs: 60, onEvent: recorder.onEvent });
    expect(result).toMatchObject({ status: "failed", error: { code: "run_timeout" } });
    expect(recorder.events.at(-1)).toMatchObject({ type: "run.failed", code: "run_timeout" });
  });
});
