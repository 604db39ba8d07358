// Chatting through a share link. The owner opens a link for chatting (off by default); whoever holds its token
// may then chat with the flow as stored, run as the owner with the owner's credentials. A visitor is known
// only by a random visitor id the server hands out (kept by the visitor's browser, sent back with each call)
// and stored only as a hash; a visitor reads and continues only their own sessions. The visitor sees the chat,
// never the run: answers are text only, with no run id, node details or model calls. Messages are limited per
// visitor, per client address and per link, in memory (rate-limiter-flexible), like the request budgets.
import { createHash, randomBytes } from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError, isAppError } from "@/lib/errors";
import { clientIp } from "@/server/auth/auth-rate-limit";
import type { Caller } from "@/server/auth/caller";
import type { Db } from "@/server/db/client";
import { IP_SHARE } from "@/server/http/request-rate-limits";
import { hashShareToken } from "@/server/services/share-service";
import { answerTextOf, type ChatService } from "./chat-service.ts";
import type { RunService } from "./run-service.ts";

/** Messages per minute: for one visitor (one client address may send IP_SHARE visitors' worth), and for one link. */
export type ShareChatLimits = { perVisitor: number; perLink: number };

export const DEFAULT_SHARE_CHAT_LIMITS: ShareChatLimits = { perVisitor: 10, perLink: 60 };

export type ShareChatDependencies = {
  db: Db;
  chat: Pick<ChatService, "send" | "visitorSession" | "answered">;
  runs: Pick<RunService, "waitFor">;
  limits?: Partial<ShareChatLimits>;
  /** OSMEN_TRUST_PROXY: whether X-Forwarded-For names the client (server/auth/auth-rate-limit.ts). */
  trustProxy?: boolean;
};

/** Who is chatting: the visitor id handed out earlier (absent for a first message), and the request's headers (the client's address). */
export type ShareVisitor = { visitorId?: string; headers: Headers };

/** What a visitor may see of a link open for chatting. */
export type SharedChatInfo = { name: string; description: string };

export type VisitorChatMessage = { role: "user" | "assistant"; text: string };

export type VisitorChatSession = { sessionId: string; title: string; messages: VisitorChatMessage[] };

/**
 * The result of a message: the visitor id to send from now on (new on a first message), the session, and the
 * answer's text, or null when the flow gave none (the reason stays with the owner).
 */
export type VisitorChatReply = { visitorId: string; sessionId: string; answer: string | null };

const WINDOW_SECONDS = 60;
/** A visitor id is 32 random bytes, base64url: 43 characters. Anything else is no visitor id at all. */
const VISITOR_ID = /^[A-Za-z0-9_-]{43}$/;

const hashVisitorId = (visitorId: string) => createHash("sha256").update(`visitor:${visitorId}`).digest("hex");

const chatNotFound = () =>
  new AppError("NOT_FOUND", "share link is unknown, revoked or not open for chatting", {
    userMessage: "This chat does not exist, or its owner has closed it.",
  });

const cannotAnswer = () =>
  new AppError("UNPROCESSABLE_CONTENT", "the shared flow could not be run", {
    userMessage: "This chat cannot answer right now. Try again later.",
  });

const overLimit = (what: string, limit: number, msBeforeNext: number) => {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("TOO_MANY_REQUESTS", `over the share chat budget of ${what}`, {
    userMessage: `Too many messages ${what} in the last minute (at most ${limit}). Try again in ${seconds} s.`,
    details: { retryAfterSeconds: seconds, rateLimit: { limit, remaining: 0, resetSeconds: seconds } },
  });
};

export function createShareChatService({ db: { prisma }, chat, runs, limits, trustProxy = false }: ShareChatDependencies) {
  const { perVisitor, perLink } = { ...DEFAULT_SHARE_CHAT_LIMITS, ...limits };
  const budgets = [
    { what: "from this visitor", limit: perVisitor, limiter: new RateLimiterMemory({ keyPrefix: "share-chat-visitor", points: perVisitor, duration: WINDOW_SECONDS }) },
    { what: "from this address", limit: perVisitor * IP_SHARE, limiter: new RateLimiterMemory({ keyPrefix: "share-chat-ip", points: perVisitor * IP_SHARE, duration: WINDOW_SECONDS }) },
    { what: "to this chat", limit: perLink, limiter: new RateLimiterMemory({ keyPrefix: "share-chat-link", points: perLink, duration: WINDOW_SECONDS }) },
  ];

  /** Spends one message of each budget (visitor, address, link); over any, nothing is spent. @throws AppError TOO_MANY_REQUESTS */
  async function spend(keys: [visitor: string, address: string, link: string]) {
    const spent: number[] = [];
    try {
      for (const [index, budget] of budgets.entries()) {
        await budget.limiter.consume(keys[index]!, 1);
        spent.push(index);
      }
    } catch (refusal) {
      const refusedAt = spent.length;
      await Promise.all([...spent, refusedAt].map((index) => budgets[index]!.limiter.reward(keys[index]!, 1)));
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const { what, limit } = budgets[refusedAt]!;
      throw overLimit(what, limit, refusal.msBeforeNext);
    }
  }

  /** The live link behind a token, open for chatting, with its flow and the owner the chat runs as. @throws AppError NOT_FOUND */
  async function chatLink(token: string) {
    const link = await prisma.shareLink.findUnique({
      where: { tokenHash: hashShareToken(token) },
      select: { id: true, revokedAt: true, chatEnabled: true, flow: { select: { id: true, ownerId: true, name: true, description: true } } },
    });
    if (!link || link.revokedAt || !link.chatEnabled) throw chatNotFound();
    // The owner, with no more than a user's rights: the chat runs their flow with their credentials, nothing else.
    const owner: Caller = { userId: link.flow.ownerId, role: "user", via: "session", scope: "run" };
    return { linkId: link.id, flow: link.flow, owner };
  }

  /** The name and description of the flow behind a link open for chatting. @throws AppError NOT_FOUND otherwise. */
  async function info(token: string): Promise<SharedChatInfo> {
    const { flow } = await chatLink(token);
    return { name: flow.name, description: flow.description };
  }

  /**
   * Sends a visitor's message: runs the stored flow as its owner, with the session's earlier turns as history,
   * and waits for the answer. A new visitor id is handed out when none (or a malformed one) is given.
   * @throws AppError NOT_FOUND (link not open for chatting, or a session that is not this visitor's),
   * TOO_MANY_REQUESTS (over a budget, or the run queue is full; details.retryAfterSeconds), CONFLICT (two
   * messages to one session at once), UNPROCESSABLE_CONTENT (the flow cannot run; the reason is not shown).
   */
  async function send(token: string, visitor: ShareVisitor, input: { sessionId?: string; message: string }): Promise<VisitorChatReply> {
    const { linkId, flow, owner } = await chatLink(token);
    const visitorId = visitor.visitorId && VISITOR_ID.test(visitor.visitorId) ? visitor.visitorId : randomBytes(32).toString("base64url");
    const visitorHash = hashVisitorId(visitorId);
    await spend([visitorHash, clientIp(visitor.headers, trustProxy), linkId]);
    let sent: Awaited<ReturnType<ChatService["send"]>>;
    try {
      sent = await chat.send(owner, { flowId: flow.id, sessionId: input.sessionId, message: input.message, source: "share", visitorId: visitorHash });
    } catch (error) {
      // The owner's flow problems (which node, which credential) are theirs to see, not the visitor's.
      if (isAppError(error) && ["NOT_FOUND", "TOO_MANY_REQUESTS", "CONFLICT"].includes(error.code)) throw error;
      throw cannotAnswer();
    }
    const run = await runs.waitFor(owner, sent.runId);
    await chat.answered(sent.runId);
    return { visitorId, sessionId: sent.sessionId, answer: run.status === "succeeded" ? answerTextOf(run.output) : null };
  }

  /** One of this visitor's sessions, messages as text only. @throws AppError NOT_FOUND for any other session or link. */
  async function session(token: string, visitorId: string, sessionId: string): Promise<VisitorChatSession> {
    const { flow, owner } = await chatLink(token);
    const detail = await chat.visitorSession(owner, flow.id, sessionId, hashVisitorId(visitorId));
    return { sessionId: detail.id, title: detail.title, messages: detail.messages.map(({ role, text }) => ({ role, text })) };
  }

  return { info, send, session };
}

export type ShareChatService = ReturnType<typeof createShareChatService>;
