import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/engine/events";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createFlowService } from "@/server/services/flow-service";
import { createRunService, type RunService } from "./run-service";

async function collect(stream: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const CHUNKS = Array.from({ length: 1000 }, (_, index) => `t${index} `);

describe.each(testDatabases())("stored run events on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let runs: RunService;

  beforeAll(async () => (database = await create()));
  afterEach(async () => runs?.idle());
  afterAll(async () => database?.drop());

  it("stores a 1,000-chunk answer in a few rows and replays it losslessly from any seq, inside a batch too", async () => {
    const provider = createScriptedProvider({ replies: [{ text: CHUNKS.join(""), chunks: CHUNKS, chunkDelayMs: 1 }] });
    runs = createRunService({ db: database, flows: createFlowService(database) }, { maxConcurrentRuns: 2, runTimeoutMs: 60_000, providers: () => provider });
    const flow = await createFlowService(database).create(me, { name: "Long answer", graph: chatGraph() });
    const { runId } = await runs.start(me, { flowId: flow.id, input: "talk" });
    const live = await collect(runs.events(me, runId, 0));
    await runs.idle();

    expect(await database.prisma.runEvent.count({ where: { runId } })).toBeLessThanOrEqual(50);
    const deltas = live.filter((event) => event.type === "node.delta");
    expect(deltas.map((event) => (event as { text: string }).text)).toEqual(CHUNKS);
    expect(await collect(runs.events(me, runId, 0))).toEqual(live);
    const firstDelta = deltas[0]!.seq;
    for (const afterSeq of [firstDelta, firstDelta + 1, firstDelta + 499, deltas.at(-1)!.seq - 1, live.length - 1]) {
      expect(await collect(runs.events(me, runId, afterSeq))).toEqual(live.slice(afterSeq));
    }
    expect((await runs.get(me, runId)).nodes.llm).toMatchObject({ status: "succeeded", text: CHUNKS.join("") });
  });
});
