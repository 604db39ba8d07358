import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp, type App } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { memoryChatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider, lastUserText } from "@/testing/scripted-provider";
import { localTestCaller } from "@/testing/trpc-caller";

const [sqlite] = testDatabases();

describe("chat router", () => {
  let database: Awaited<ReturnType<typeof sqlite.create>>;
  let app: App;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    database = await sqlite.create();
    const provider = createScriptedProvider({ respond: (call) => `echo: ${lastUserText(call)}` });
    app = createApp({ db: database, runs: { maxConcurrentRuns: 2, runTimeoutMs: 30_000, providers: () => provider } });
    caller = createCaller(await createContext({ headers: new Headers(), caller: localTestCaller, app }));
  });
  afterEach(async () => {
    await app.runs.idle();
    await app.chat.idle();
  });
  afterAll(async () => database?.drop());

  it("sends a message as a playground run and lists the session it made", async () => {
    const flow = await caller.flow.create({ name: "Chat", graph: memoryChatGraph() });
    const sent = await caller.chat.send({ flowId: flow.id, message: "  Hello there  " });
    await app.runs.waitFor(localTestCaller, sent.runId);
    await app.chat.idle();

    expect(await caller.run.get({ runId: sent.runId })).toMatchObject({ source: "playground", sessionId: sent.sessionId, output: "echo: Hello there" });
    expect(await caller.chat.sessions({ flowId: flow.id })).toMatchObject([{ id: sent.sessionId, title: "Hello there", messageCount: 2 }]);
    expect((await caller.chat.session({ sessionId: sent.sessionId })).messages.map((message) => message.text)).toEqual(["Hello there", "echo: Hello there"]);
    await caller.chat.deleteSession({ sessionId: sent.sessionId });
    expect(await caller.chat.sessions({ flowId: flow.id })).toEqual([]);
  });

  it("refuses an empty message, naming the problem", async () => {
    const flow = await caller.flow.create({ name: "Empty", graph: memoryChatGraph() });
    const error = await caller.chat.send({ flowId: flow.id, message: "   " }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/message must not be empty/);
  });
});
