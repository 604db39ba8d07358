import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { testDatabases } from "@/testing/databases";
import { chatGraph, memoryChatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider, type RecordedCall } from "@/testing/scripted-provider";
import { localTestCaller as owner } from "@/testing/trpc-caller";
import { createTestUser } from "@/testing/users";
import { createFlowMemberService } from "@/server/services/flow-member-service";
import { createFlowService } from "@/server/services/flow-service";
import { createChatService, titleFrom, type ChatService } from "./chat-service";
import { createRunService, type RunService } from "./run-service";

/** Answers with the conversation it was sent: every user message so far, oldest first. */
const recallAll = (call: RecordedCall) => call.messages.filter((message) => message.role === "user").map((message) => message.content).join(" | ");

describe.each(testDatabases())("chat service on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let runs: RunService;
  let chat: ChatService;
  let provider: ReturnType<typeof createScriptedProvider>;
  const flows = () => createFlowService(database);

  beforeAll(async () => {
    database = await create();
    provider = createScriptedProvider({ respond: recallAll });
    runs = createRunService({ db: database, flows: flows() }, { maxConcurrentRuns: 4, runTimeoutMs: 30_000, providers: () => provider });
    chat = createChatService({ db: database, flows: flows(), runs });
  });
  afterEach(async () => {
    await runs.idle();
    await chat.idle();
  });
  afterAll(async () => database?.drop());

  /** Sends a message and waits until its answer is stored. */
  async function say(flowId: string, message: string, sessionId?: string, as = owner) {
    const sent = await chat.send(as, { flowId, sessionId, message });
    await runs.waitFor(as, sent.runId);
    await chat.idle();
    return sent;
  }

  it("keeps a conversation: each message runs the flow with the earlier turns as history", async () => {
    const flow = await flows().create(owner, { name: "Chatbot", graph: memoryChatGraph() });
    const first = await say(flow.id, "My name is Ada.");
    const second = await say(flow.id, "I like tea.", first.sessionId);
    const third = await say(flow.id, "What is my name?", first.sessionId);

    expect(second.sessionId).toBe(first.sessionId);
    const lastCall = provider.calls.at(-1)!;
    expect(lastCall.messages).toEqual([
      { role: "user", content: "My name is Ada." },
      { role: "assistant", content: "My name is Ada." },
      { role: "user", content: "I like tea." },
      { role: "assistant", content: "My name is Ada. | I like tea." },
      { role: "user", content: "What is my name?" },
    ]);
    const session = await chat.session(owner, first.sessionId);
    expect(session.title).toBe("My name is Ada.");
    expect(session.messages.map(({ seq, role, text, runId }) => ({ seq, role, text, runId }))).toEqual([
      { seq: 1, role: "user", text: "My name is Ada.", runId: first.runId },
      { seq: 2, role: "assistant", text: "My name is Ada.", runId: first.runId },
      { seq: 3, role: "user", text: "I like tea.", runId: second.runId },
      { seq: 4, role: "assistant", text: "My name is Ada. | I like tea.", runId: second.runId },
      { seq: 5, role: "user", text: "What is my name?", runId: third.runId },
      { seq: 6, role: "assistant", text: "My name is Ada. | I like tea. | What is my name?", runId: third.runId },
    ]);
    const run = await runs.get(owner, third.runId);
    expect(run).toMatchObject({ sessionId: first.sessionId, source: "playground", input: "What is my name?", status: "succeeded" });
  });

  it("starts a new session without the earlier one's history", async () => {
    const flow = await flows().create(owner, { name: "Fresh", graph: memoryChatGraph() });
    const first = await say(flow.id, "Remember 42.");
    const fresh = await say(flow.id, "What number?");

    expect(fresh.sessionId).not.toBe(first.sessionId);
    expect(provider.calls.at(-1)!.messages).toEqual([{ role: "user", content: "What number?" }]);
    const listed = await chat.sessions(owner, flow.id);
    expect(listed.map((session) => [session.id, session.messageCount])).toEqual([
      [fresh.sessionId, 2],
      [first.sessionId, 2],
    ]);
  });

  it("stores no answer for a run that failed, keeps the message with its run, and leaves it out of later history", async () => {
    const failing = createScriptedProvider({ replies: [{ error: "model exploded" }, "fine"] });
    const failingRuns = createRunService({ db: database, flows: flows() }, { maxConcurrentRuns: 1, runTimeoutMs: 30_000, providers: () => failing });
    const failingChat = createChatService({ db: database, flows: flows(), runs: failingRuns });
    const flow = await flows().create(owner, { name: "Broken model", graph: memoryChatGraph() });
    const sent = await failingChat.send(owner, { flowId: flow.id, message: "Hello?" });
    await failingRuns.waitFor(owner, sent.runId);
    await failingChat.idle();

    const session = await failingChat.session(owner, sent.sessionId);
    expect(session.messages.map(({ role, runId }) => ({ role, runId }))).toEqual([{ role: "user", runId: sent.runId }]);
    expect((await failingRuns.get(owner, sent.runId)).status).toBe("failed");

    const again = await failingChat.send(owner, { flowId: flow.id, sessionId: sent.sessionId, message: "Again?" });
    await failingRuns.waitFor(owner, again.runId);
    await failingChat.idle();
    expect(failing.calls.at(-1)!.messages).toEqual([{ role: "user", content: "Again?" }]);
  });

  it("leaves no empty session when the flow cannot run", async () => {
    const broken = chatGraph();
    broken.edges = broken.edges.filter((edge) => edge.id !== "e-input");
    const flow = await flows().create(owner, { name: "Broken", graph: broken });
    await expect(chat.send(owner, { flowId: flow.id, message: "hi" })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect(await chat.sessions(owner, flow.id)).toEqual([]);
  });

  it("another user's session reads as one that does not exist; the flow's owner reads a member's", async () => {
    const stranger = await createTestUser(database);
    const member = await createTestUser(database);
    const flow = await flows().create(owner, { name: "Shared", graph: memoryChatGraph() });
    await createFlowMemberService(database).add(owner, { flowId: flow.id, email: member.email, role: "viewer" });
    const mine = await say(flow.id, "Owner here.");
    const theirs = await say(flow.id, "Member here.", undefined, member.caller);

    const notFound = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ code: "NOT_FOUND" } satisfies Partial<AppError>);
    await notFound(chat.session(stranger.caller, mine.sessionId));
    await notFound(chat.sessions(stranger.caller, flow.id));
    await notFound(chat.send(stranger.caller, { flowId: flow.id, sessionId: mine.sessionId, message: "let me in" }));
    await notFound(chat.deleteSession(stranger.caller, mine.sessionId));
    // A member sees only their own session and cannot continue the owner's.
    await notFound(chat.session(member.caller, mine.sessionId));
    await notFound(chat.send(member.caller, { flowId: flow.id, sessionId: mine.sessionId, message: "me too" }));
    expect((await chat.sessions(member.caller, flow.id)).map((session) => session.id)).toEqual([theirs.sessionId]);
    // The owner lists and reads every session of their flow, but cannot post into a member's.
    expect((await chat.sessions(owner, flow.id)).map((session) => session.id).sort()).toEqual([mine.sessionId, theirs.sessionId].sort());
    expect((await chat.session(owner, theirs.sessionId)).messages[0]?.text).toBe("Member here.");
    await notFound(chat.send(owner, { flowId: flow.id, sessionId: theirs.sessionId, message: "hijack" }));
    expect((await chat.session(member.caller, theirs.sessionId)).messages).toHaveLength(2);
  });

  it("a session continues only on its own flow", async () => {
    const one = await flows().create(owner, { name: "One", graph: memoryChatGraph() });
    const two = await flows().create(owner, { name: "Two", graph: memoryChatGraph() });
    const sent = await say(one.id, "hello");
    await expect(chat.send(owner, { flowId: two.id, sessionId: sent.sessionId, message: "wrong flow" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("deletes a session and its messages; its runs stay", async () => {
    const flow = await flows().create(owner, { name: "Forget", graph: memoryChatGraph() });
    const sent = await say(flow.id, "Forget me.");
    await chat.deleteSession(owner, sent.sessionId);

    await expect(chat.session(owner, sent.sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.prisma.chatMessage.count({ where: { sessionId: sent.sessionId } })).toBe(0);
    expect(await runs.get(owner, sent.runId)).toMatchObject({ status: "succeeded", sessionId: null });
  });
});

describe("titleFrom", () => {
  it("uses the first message on one line, cut to a readable length", () => {
    expect(titleFrom("  Plan my\nweek  ")).toBe("Plan my week");
    expect(titleFrom("x".repeat(100))).toHaveLength(60);
  });
});
