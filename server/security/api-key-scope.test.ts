// A `run`-scoped API key acts as its user for running flows and reading their runs, and for nothing else.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import { createRunService } from "@/server/runs/run-service";
import { createFlowService } from "@/server/services/flow-service";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createTestUser } from "@/testing/users";

describe("a run-scoped caller", () => {
  let database: Awaited<ReturnType<ReturnType<typeof testDatabases>[number]["create"]>>;
  let runs: ReturnType<typeof createRunService>;
  beforeAll(async () => {
    database = await testDatabases()[0]!.create();
    runs = createRunService({ db: database, flows: createFlowService(database) }, { maxConcurrentRuns: 1, runTimeoutMs: 10_000, providers: () => createScriptedProvider({ respond: () => "done" }) });
  });
  afterAll(async () => {
    await runs?.idle();
    await database?.drop();
  });

  it("runs its user's flow and reads the run, and gets FORBIDDEN from everything else", async () => {
    const user = await createTestUser(database);
    const full = createCaller(await createContext({ headers: new Headers(), caller: user.caller, app: createApp({ db: database, runs }) }));
    const runOnly = createCaller(await createContext({ headers: new Headers(), caller: { ...user.caller, via: "apiKey", scope: "run" }, app: createApp({ db: database, runs }) }));
    const flow = await full.flow.create({ name: "Runnable", graph: chatGraph() });

    const { runId } = await runOnly.run.start({ flowId: flow.id, input: "go" });
    await runs.waitFor(user.caller, runId);
    expect(await runOnly.run.get({ runId })).toMatchObject({ status: "succeeded", output: "done" });
    expect((await runOnly.run.list({ flowId: flow.id })).map((run) => run.id)).toEqual([runId]);

    const refusals = await Promise.all(
      [
        runOnly.flow.list(),
        runOnly.flow.get({ id: flow.id }),
        runOnly.flow.delete({ id: flow.id }),
        runOnly.apiKey.create({ name: "escalate" }),
        runOnly.credential.list(),
        runOnly.share.create({ flowId: flow.id }),
      ].map((attempt) => attempt.then(() => "answered", (error: unknown) => (error instanceof TRPCError ? error.code : String(error)))),
    );
    expect(refusals).toEqual(Array(6).fill("FORBIDDEN"));
    expect(await database.prisma.flow.count({ where: { id: flow.id } })).toBe(1);
    expect(await database.prisma.apiKey.count({ where: { userId: user.id } })).toBe(0);
  });
});
