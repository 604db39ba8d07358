// Chat sessions: a conversation with a flow. Each message the user sends runs the flow (a normal run, tagged
// with the session) with the session's earlier messages as history, and the run's output is stored as the
// answer once the run succeeds. A session belongs to the user who chats: only they continue or delete it;
// they and the flow's owner read it; for anyone else it does not exist.
import { AppError } from "@/lib/errors";
import type { ChatHistory } from "@/lib/flow/chat-history";
import { toText } from "@/lib/flow/template";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import type { FlowService } from "@/server/services/flow-service";
import type { RunService } from "./run-service.ts";

export type ChatServiceDependencies = { db: Db; flows: Pick<FlowService, "get">; runs: Pick<RunService, "start" | "waitFor"> };

export type SendChatMessageInput = {
  flowId: string;
  /** Absent: a new session, titled after this message. */
  sessionId?: string;
  message: string;
  /** Where the run says it was started from. Default "playground". */
  source?: string;
  /**
   * A share-link visitor's session (the caller is then the flow's owner): the hash of the visitor's id. Only a
   * session with this same visitor id is continued; absent, only sessions of no visitor are.
   */
  visitorId?: string;
};

/** A session in a list: no messages, just how many. */
export type ChatSessionSummary = { id: string; flowId: string; userId: string; title: string; createdAt: Date; updatedAt: Date; messageCount: number };

/** One stored message. `runId`: the run a user message started, or the run whose output an answer is. */
export type ChatMessageView = { id: string; seq: number; role: "user" | "assistant"; text: string; runId: string | null; createdAt: Date };

export type ChatSessionDetail = Omit<ChatSessionSummary, "messageCount"> & { messages: ChatMessageView[] };

/** At most this many earlier messages travel to a run; a memory node cuts them further to its own turns. */
const MAX_HISTORY_MESSAGES = 200;
const TITLE_LENGTH = 60;

const sessionNotFound = (sessionId: string) =>
  new AppError("NOT_FOUND", `chat session "${sessionId}" does not exist`, { userMessage: "This chat session does not exist. Start a new session." });

const busySession = (sessionId: string) =>
  new AppError("CONFLICT", `chat session "${sessionId}" took another message at the same moment`, {
    userMessage: "Another message was sent to this session at the same moment. Wait for its answer, then send yours again.",
  });

/** Prisma `where` for the sessions the caller may read: their own, and every session of the flows they own. */
const readableSessionsWhere = (caller: Caller) => ({ OR: [{ userId: caller.userId }, { flow: { ownerId: caller.userId } }] });

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

/** A session's title: the start of its first message, on one line. */
export function titleFrom(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line || "New chat";
}

/** A run's output as the text of an answer: text as it is, anything else as JSON. */
export const answerTextOf = (output: unknown): string => toText(output);

export function createChatService({ db, flows, runs }: ChatServiceDependencies) {
  const { prisma } = db;
  /** Answers being waited for, by run id: each settles once the answer is stored (or the run did not succeed). */
  const pending = new Map<string, Promise<void>>();
  /** The answer each session waits for, so a next message's history includes it (and its seq comes after it). */
  const pendingBySession = new Map<string, Promise<void>>();

  /** The caller's own session of `flowId` (of that visitor, or of none). @throws AppError NOT_FOUND for any other. */
  async function ownSession(caller: Caller, sessionId: string, flowId: string, visitorId: string | null) {
    const session = await prisma.chatSession.findFirst({ where: { id: sessionId, flowId, userId: caller.userId, visitorId } });
    if (!session) throw sessionNotFound(sessionId);
    return session;
  }

  /** The session's answered turns, oldest first: a message whose run gave no answer is left out, so turns alternate. */
  async function historyOf(sessionId: string): Promise<{ history: ChatHistory; lastSeq: number }> {
    const rows = (await prisma.chatMessage.findMany({ where: { sessionId }, orderBy: { seq: "desc" }, take: MAX_HISTORY_MESSAGES })).reverse();
    const answered = new Set(rows.filter((row) => row.role === "assistant").map((row) => row.runId));
    const history = rows
      .filter((row) => row.role === "assistant" || answered.has(row.runId))
      .map((row) => ({ role: row.role as "user" | "assistant", content: row.text }));
    return { history, lastSeq: rows.at(-1)?.seq ?? 0 };
  }

  /**
   * Sends a message: stores it, runs the flow on it with the session's earlier messages as history, and stores
   * the run's output as the answer when the run succeeds. Returns at once; follow the run for the answer.
   * @throws AppError NOT_FOUND (a flow or session the caller cannot use), UNPROCESSABLE_CONTENT (a flow with
   * errors), TOO_MANY_REQUESTS (run queue full), CONFLICT (two messages to one session at once).
   */
  async function send(caller: Caller, input: SendChatMessageInput): Promise<{ sessionId: string; runId: string; messageId: string }> {
    const { flowId, message, source = "playground" } = input;
    await flows.get(caller, flowId);
    const isNew = input.sessionId === undefined;
    const session = isNew
      ? await prisma.chatSession.create({ data: { flowId, userId: caller.userId, title: titleFrom(message), visitorId: input.visitorId ?? null } })
      : await ownSession(caller, input.sessionId!, flowId, input.visitorId ?? null);
    await pendingBySession.get(session.id);
    const { history, lastSeq } = await historyOf(session.id);
    let runId: string;
    try {
      ({ runId } = await runs.start(caller, { flowId, input: message, source, sessionId: session.id, history }));
    } catch (error) {
      // A refused first message leaves no empty session behind.
      if (isNew) await prisma.chatSession.delete({ where: { id: session.id } }).catch(() => undefined);
      throw error;
    }
    const stored = await prisma.chatMessage
      .create({ data: { sessionId: session.id, seq: lastSeq + 1, role: "user", text: message, runId } })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? busySession(session.id) : error;
      });
    await prisma.chatSession.update({ where: { id: session.id }, data: { updatedAt: new Date() } });
    const answer = storeAnswer(caller, session.id, runId).finally(() => {
      pending.delete(runId);
      if (pendingBySession.get(session.id) === answer) pendingBySession.delete(session.id);
    });
    pending.set(runId, answer);
    pendingBySession.set(session.id, answer);
    return { sessionId: session.id, runId, messageId: stored.id };
  }

  async function storeAnswer(caller: Caller, sessionId: string, runId: string) {
    try {
      const run = await runs.waitFor(caller, runId);
      if (run.status !== "succeeded") return;
      const last = await prisma.chatMessage.findFirst({ where: { sessionId }, orderBy: { seq: "desc" }, select: { seq: true } });
      await prisma.chatMessage.create({ data: { sessionId, seq: (last?.seq ?? 0) + 1, role: "assistant", text: answerTextOf(run.output), runId } });
      await prisma.chatSession.update({ where: { id: sessionId }, data: { updatedAt: new Date() } });
    } catch (error) {
      // The session may have been deleted meanwhile; the run itself is stored either way.
      console.error(`[chat] storing the answer of run ${runId} failed:`, error);
    }
  }

  /** The sessions of a flow the caller can read: all of them for its owner, their own for anyone else. Newest first. */
  async function sessions(caller: Caller, flowId: string, limit = 50): Promise<ChatSessionSummary[]> {
    await flows.get(caller, flowId);
    const rows = await prisma.chatSession.findMany({
      where: { flowId, ...readableSessionsWhere(caller) },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit,
      include: { _count: { select: { messages: true } } },
    });
    return rows.map(({ _count, ...row }) => ({ id: row.id, flowId: row.flowId, userId: row.userId, title: row.title, createdAt: row.createdAt, updatedAt: row.updatedAt, messageCount: _count.messages }));
  }

  /** A session with its messages in order. @throws AppError NOT_FOUND unless it is the caller's or of a flow they own. */
  async function session(caller: Caller, sessionId: string): Promise<ChatSessionDetail> {
    const row = await prisma.chatSession.findFirst({ where: { id: sessionId, ...readableSessionsWhere(caller) }, include: { messages: { orderBy: { seq: "asc" } } } });
    if (!row) throw sessionNotFound(sessionId);
    const messages = row.messages.map((message) => ({ id: message.id, seq: message.seq, role: message.role as ChatMessageView["role"], text: message.text, runId: message.runId, createdAt: message.createdAt }));
    return { id: row.id, flowId: row.flowId, userId: row.userId, title: row.title, createdAt: row.createdAt, updatedAt: row.updatedAt, messages };
  }

  /**
   * A share-link visitor's session of `flowId`, for the flow's owner acting for that visitor: only the visitor's own.
   * @throws AppError NOT_FOUND for any other session.
   */
  async function visitorSession(owner: Caller, flowId: string, sessionId: string, visitorId: string): Promise<ChatSessionDetail> {
    await ownSession(owner, sessionId, flowId, visitorId);
    return session(owner, sessionId);
  }

  /** Deletes one of the caller's own sessions and its messages; its runs stay. @throws AppError NOT_FOUND for any other. */
  async function deleteSession(caller: Caller, sessionId: string): Promise<{ id: string }> {
    const { count } = await prisma.chatSession.deleteMany({ where: { id: sessionId, userId: caller.userId } });
    if (count === 0) throw sessionNotFound(sessionId);
    return { id: sessionId };
  }

  return {
    send,
    sessions,
    session,
    visitorSession,
    deleteSession,
    /** Resolves once the answer of a run that `send` started is stored (at once for any other run). */
    answered: async (runId: string) => void (await pending.get(runId)),
    /** Resolves once every answer awaited so far is stored (tests and shutdown). */
    idle: async () => void (await Promise.all([...pending.values()])),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
