// A run's model calls are stored like every event and come back in the run's detail (run.get, the REST API)
// and in its replayed events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/engine/events";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createFlowService } from "@/server/services/flow-service";
import { createRunService, type RunService } from "./run-service";
import { eventsAfter } from "./run-event-rows";

async function collect(stream: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe.each(testDatabases())("model calls stored on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let runs: RunService | undefined;

  beforeAll(async () => (database = await create()));
  afterEach(async () => runs?.idle());
  afterAll(async () => database?.drop());

  it("come back in the run's detail and its replayed events, with the messages the model received", async () => {
    const provider = createScriptedProvider({ replies: [{ text: "Good morning, Ada", chunks: ["Good ", "morning, ", "Ada"], usage: { inputTokens: 9, outputTokens: 3 } }] });
    runs = createRunService({ db: database, flows: createFlowService(database) }, { maxConcurrentRuns: 2, runTimeoutMs: 30_000, providers: () => provider });
    const flow = await createFlowService(database).create(me, { name: "Greeter", graph: chatGraph({ system: "Greet warmly." }) });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "Say hi" });
    const detail = await runs.waitFor(me, runId);

    expect(detail.nodes.llm?.modelCalls).toEqual([
      expect.objectContaining({
        callIndex: 1,
        provider: "scripted",
        model: "scripted-model",
        messages: provider.calls[0]!.messages,
        answer: { text: "Good morning, Ada", toolCalls: [] },
        finishReason: "stop",
        usage: { inputTokens: 9, outputTokens: 3 },
      }),
    ]);
    const replayed = (await collect(runs.events(me, runId, 0))).filter((event) => event.type === "node.model_call");
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ nodeId: "llm", messages: [{ role: "system", content: "Greet warmly." }, { role: "user", content: "Say hi" }] });
    const stored = eventsAfter(await database.prisma.runEvent.findMany({ where: { runId }, orderBy: { seq: "asc" } }), 0);
    expect(stored.filter((event) => event.type === "node.model_call" && event.nodeId === "llm")).toHaveLength(1);
  });
});
