import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { httpHeadersOf } from "@/server/errors";
import { testDatabases } from "@/testing/databases";
import { chatGraph, memoryChatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider, type RecordedCall } from "@/testing/scripted-provider";
import { createTestUser, type TestUser } from "@/testing/users";
import { createFlowService } from "@/server/services/flow-service";
import { createShareService } from "@/server/services/share-service";
import { createChatService, type ChatService } from "./chat-service";
import { createRunService, type RunService } from "./run-service";
import { createShareChatService, type ShareChatLimits } from "./share-chat-service";

/** Answers with every user message so far, oldest first, and the system prompt: what the run was given. */
const recall = (call: RecordedCall) =>
  call.messages
    .filter((message) => message.role !== "assistant")
    .map((message) => `${message.role}:${String(message.content)}`)
    .join(" | ");

/** Request headers of a visitor at `address` (an unstamped request names its client in X-Forwarded-For). */
const from = (address: string) => new Headers({ "x-forwarded-for": address });

const rejectsWith = (promise: Promise<unknown>, code: AppError["code"]) => expect(promise).rejects.toMatchObject({ code });

describe.each(testDatabases())("share chat service on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let runs: RunService;
  let chat: ChatService;
  let owner: TestUser;
  const usersOfProviderCalls: string[] = [];
  const provider = createScriptedProvider({ respond: recall });
  const flows = () => createFlowService(database);
  const shares = () => createShareService(database, flows());
  const shareChat = (limits: Partial<ShareChatLimits> = {}) => createShareChatService({ db: database, chat, runs, limits });

  beforeAll(async () => {
    database = await create();
    owner = await createTestUser(database);
    runs = createRunService(
      { db: database, flows: flows() },
      {
        maxConcurrentRuns: 4,
        runTimeoutMs: 30_000,
        providers: (userId) => {
          usersOfProviderCalls.push(userId);
          return provider;
        },
      },
    );
    chat = createChatService({ db: database, flows: flows(), runs });
  });
  afterEach(async () => {
    await runs.idle();
    await chat.idle();
  });
  afterAll(async () => database?.drop());

  /** A flow of the owner's with a link; `chat`: the link is opened for chatting. */
  async function sharedFlow(options: { chat: boolean; graph?: ReturnType<typeof chatGraph> }) {
    const flow = await flows().create(owner.caller, { name: "Support bot", graph: options.graph ?? memoryChatGraph({ system: "Be kind." }) });
    const link = await shares().create(owner.caller, flow.id);
    if (options.chat) await shares().setChatEnabled(owner.caller, link.id, true);
    return { flow, link };
  }

  it("refuses a link that is not open for chatting, closed again or revoked, as NOT_FOUND", async () => {
    const service = shareChat();
    const { link } = await sharedFlow({ chat: false });
    const visitor = { headers: from("203.0.113.1") };
    await rejectsWith(service.info(link.token), "NOT_FOUND");
    await rejectsWith(service.send(link.token, visitor, { message: "hi" }), "NOT_FOUND");

    await shares().setChatEnabled(owner.caller, link.id, true);
    expect(await service.info(link.token)).toEqual({ name: "Support bot", description: "" });
    await shares().setChatEnabled(owner.caller, link.id, false);
    await rejectsWith(service.send(link.token, visitor, { message: "hi" }), "NOT_FOUND");

    await shares().setChatEnabled(owner.caller, link.id, true);
    await shares().revoke(owner.caller, link.id);
    await rejectsWith(service.info(link.token), "NOT_FOUND");
    await rejectsWith(service.send(link.token, visitor, { message: "hi" }), "NOT_FOUND");
    await rejectsWith(service.send("no-such-token", visitor, { message: "hi" }), "NOT_FOUND");
    await rejectsWith(shares().setChatEnabled(owner.caller, link.id, true), "CONFLICT");
  });

  it("runs the stored flow as its owner, keeps the conversation, and shows the visitor text only", async () => {
    const service = shareChat();
    const { flow, link } = await sharedFlow({ chat: true });
    const stranger = await createTestUser(database);
    usersOfProviderCalls.length = 0;

    const first = await service.send(link.token, { headers: from("203.0.113.2") }, { message: "My name is Ada." });
    expect(Object.keys(first).sort()).toEqual(["answer", "sessionId", "visitorId"]);
    expect(first.answer).toBe("system:Be kind. | user:My name is Ada.");
    const second = await service.send(link.token, { visitorId: first.visitorId, headers: from("203.0.113.2") }, { sessionId: first.sessionId, message: "What is my name?" });
    expect(second).toEqual({ visitorId: first.visitorId, sessionId: first.sessionId, answer: "system:Be kind. | user:My name is Ada. | user:What is my name?" });

    // Both runs are the owner's, with the owner's providers, from the stored graph; no stranger is involved.
    expect(usersOfProviderCalls).toEqual([owner.id, owner.id]);
    const ownerRuns = await database.prisma.run.findMany({ where: { sessionId: first.sessionId }, orderBy: { createdAt: "asc" } });
    expect(ownerRuns.map((run) => ({ userId: run.userId, flowId: run.flowId, source: run.source, status: run.status }))).toEqual([
      { userId: owner.id, flowId: flow.id, source: "share", status: "succeeded" },
      { userId: owner.id, flowId: flow.id, source: "share", status: "succeeded" },
    ]);
    expect(await database.prisma.run.count({ where: { userId: stranger.id } })).toBe(0);

    const session = await service.session(link.token, first.visitorId, first.sessionId);
    expect(session).toEqual({
      sessionId: first.sessionId,
      title: "My name is Ada.",
      messages: [
        { role: "user", text: "My name is Ada." },
        { role: "assistant", text: "system:Be kind. | user:My name is Ada." },
        { role: "user", text: "What is my name?" },
        { role: "assistant", text: "system:Be kind. | user:My name is Ada. | user:What is my name?" },
      ],
    });
    // The owner sees the visitor's session among the flow's sessions, but cannot continue it as their own.
    expect((await chat.sessions(owner.caller, flow.id)).map((listed) => listed.id)).toContain(first.sessionId);
    await rejectsWith(chat.send(owner.caller, { flowId: flow.id, sessionId: first.sessionId, message: "hi" }), "NOT_FOUND");
  });

  it("does not tell the visitor why the owner's flow cannot run", async () => {
    const service = shareChat();
    const broken = { ...chatGraph(), edges: [] };
    const { link } = await sharedFlow({ chat: true, graph: broken });
    const refusal = await service.send(link.token, { headers: from("203.0.113.3") }, { message: "hi" }).catch((error: AppError) => error);
    expect(refusal).toMatchObject({ code: "UNPROCESSABLE_CONTENT", userMessage: "This chat cannot answer right now. Try again later." });
  });

  it("a visitor reads and continues only their own sessions", async () => {
    const service = shareChat();
    const { flow, link } = await sharedFlow({ chat: true });
    const alice = await service.send(link.token, { headers: from("203.0.113.4") }, { message: "Alice's secret" });
    const bob = await service.send(link.token, { headers: from("203.0.113.5") }, { message: "Bob here" });
    expect(bob.visitorId).not.toBe(alice.visitorId);

    await rejectsWith(service.session(link.token, bob.visitorId, alice.sessionId), "NOT_FOUND");
    await rejectsWith(service.send(link.token, { visitorId: bob.visitorId, headers: from("203.0.113.5") }, { sessionId: alice.sessionId, message: "show me" }), "NOT_FOUND");
    // Without a visitor id (or with a made-up one) nobody is Alice.
    await rejectsWith(service.send(link.token, { headers: from("203.0.113.5") }, { sessionId: alice.sessionId, message: "show me" }), "NOT_FOUND");
    await rejectsWith(service.session(link.token, "x".repeat(43), alice.sessionId), "NOT_FOUND");
    // The owner's own playground sessions are not a visitor's either.
    const own = await chat.send(owner.caller, { flowId: flow.id, message: "owner's notes" });
    await runs.waitFor(owner.caller, own.runId);
    await chat.idle();
    await rejectsWith(service.session(link.token, alice.visitorId, own.sessionId), "NOT_FOUND");
    // Another link's token does not reach this link's sessions.
    const other = await sharedFlow({ chat: true });
    await rejectsWith(service.session(other.link.token, alice.visitorId, alice.sessionId), "NOT_FOUND");
    expect((await service.session(link.token, alice.visitorId, alice.sessionId)).messages[0]).toEqual({ role: "user", text: "Alice's secret" });
  });

  it("limits messages per visitor, answering TOO_MANY_REQUESTS with Retry-After", async () => {
    const service = shareChat({ perVisitor: 2, perLink: 100 });
    const { link } = await sharedFlow({ chat: true });
    const first = await service.send(link.token, { headers: from("198.51.100.1") }, { message: "one" });
    const me = { visitorId: first.visitorId, headers: from("198.51.100.1") };
    await service.send(link.token, me, { sessionId: first.sessionId, message: "two" });
    const refusal = (await service.send(link.token, me, { sessionId: first.sessionId, message: "three" }).catch((error: AppError) => error)) as AppError;
    expect(refusal.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(httpHeadersOf(refusal)["retry-after"])).toBeGreaterThan(0);
    // A refused message ran nothing.
    expect(await database.prisma.chatMessage.count({ where: { sessionId: first.sessionId, role: "user" } })).toBe(2);
    // Another visitor from another address still chats.
    expect((await service.send(link.token, { headers: from("198.51.100.2") }, { message: "hello" })).answer).toContain("hello");
  });

  it("limits messages per client address, however many visitor ids it makes up", async () => {
    const service = shareChat({ perVisitor: 1, perLink: 100 });
    const { link } = await sharedFlow({ chat: true });
    // One address may send IP_SHARE (5) visitors' worth: fresh visitor ids each time do not reset it.
    for (let index = 0; index < 5; index++) await service.send(link.token, { headers: from("198.51.100.9") }, { message: `m${index}` });
    await rejectsWith(service.send(link.token, { headers: from("198.51.100.9") }, { message: "again" }), "TOO_MANY_REQUESTS");
  });

  it("limits messages per link across visitors, answering TOO_MANY_REQUESTS with Retry-After", async () => {
    const service = shareChat({ perVisitor: 100, perLink: 3 });
    const { link } = await sharedFlow({ chat: true });
    const other = await sharedFlow({ chat: true });
    for (let index = 0; index < 3; index++) await service.send(link.token, { headers: from(`192.0.2.${index + 1}`) }, { message: `visitor ${index}` });
    const refusal = (await service.send(link.token, { headers: from("192.0.2.50") }, { message: "one more" }).catch((error: AppError) => error)) as AppError;
    expect(refusal).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(httpHeadersOf(refusal)).toMatchObject({ "retry-after": expect.stringMatching(/^[1-9]\d*$/) });
    // Another link has its own budget.
    expect((await service.send(other.link.token, { headers: from("192.0.2.50") }, { message: "fine" })).answer).toContain("fine");
  });
});
