import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { localTestCaller as me } from "@/testing/trpc-caller";

describe.each(testDatabases())("the app root on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  beforeAll(async () => (database = await create()));
  afterAll(async () => database?.drop());

  it("ready() migrates once, however many entry points ask at once, then settles runs left behind", async () => {
    const app = createApp({ db: database });
    const flow = await app.services.flows.create(me, { name: "Left behind", graph: chatGraph() });
    const stale = await database.prisma.run.create({ data: { userId: me.userId, flowId: flow.id, flowVersion: 1, status: "running", graph: {} } });
    let migrations = 0;
    const ready = createApp({ db: database, migrate: async () => void (migrations += 1) }).ready;

    await Promise.all([ready(), ready(), ready()]);
    await ready();
    expect(migrations).toBe(1);
    expect((await app.runs.get(me, stale.id)).status).toBe("interrupted");
  });

  it("ready() tries again after a failure instead of keeping it", async () => {
    let attempts = 0;
    const app = createApp({
      db: database,
      migrate: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("database unreachable");
      },
    });
    await expect(app.ready()).rejects.toThrow("database unreachable");
    await expect(app.ready()).resolves.toBeUndefined();
    expect(attempts).toBe(2);
  });

  it("wires the run service to the same services: a run of a stored flow is read back through them", async () => {
    const provider = createScriptedProvider({ respond: () => "hello from the root" });
    const app = createApp({ db: database, runs: { maxConcurrentRuns: 1, runTimeoutMs: 10_000, providers: () => provider } });
    const flow = await app.services.flows.create(me, { name: "Wired", graph: chatGraph() });
    const { runId } = await app.runs.start(me, { flowId: flow.id, input: "hi" });
    const run = await app.runs.waitFor(me, runId);
    expect(run.status).toBe("succeeded");
    expect(run.output).toBe("hello from the root");
  });
});
