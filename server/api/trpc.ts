// tRPC: context, error formatting and the base procedure. Routers stay thin: validate, call a service, return.
import { TRPCError, initTRPC } from "@trpc/server";
import { wireTransformer } from "@/lib/wire-transformer";
import { sseHeartbeatMs } from "@/server/http/sse";
import { ZodError, z } from "zod";
import { describeZodError, isAppError } from "@/lib/errors";
import { getApp, type App } from "@/server/app";
import type { Db } from "@/server/db/client";
import { INTERNAL_ERROR_MESSAGE, toTRPCError } from "@/server/errors";
import { budgetOfProcedure, type RequestRateLimiter } from "@/server/http/request-rate-limits";
import { createChatService, type ChatService } from "@/server/runs/chat-service";
import { createShareChatService, type ShareChatService } from "@/server/runs/share-chat-service";
import type { RunService } from "@/server/runs/run-service";
import type { Services } from "@/server/services";
import type { Caller } from "@/server/auth/caller";

/** `caller` is who is asking, or null when the request proved no identity (signed out in accounts mode). */
/** `requestLimits`: the budgets each procedure call spends from; null spends nothing. */
export type Context = {
  db: Db;
  services: Services;
  runs: RunService;
  chat: ChatService;
  shareChat: ShareChatService;
  requestLimits: RequestRateLimiter | null;
  headers: Headers;
  caller: Caller | null;
};

/**
 * `app`: the parts procedures use; default the process's (server/app.ts), a test passes one over its database
 * (without `chat` or `shareChat`, one is made over its runs, with fresh budgets; without `requestLimits`, nothing is limited).
 */
type ContextOptions = { headers: Headers; caller: Caller | null; app?: Pick<App, "db" | "services" | "runs"> & Partial<Pick<App, "chat" | "shareChat" | "requestLimits">> };

export async function createContext({ headers, caller, app = getApp() }: ContextOptions): Promise<Context> {
  const chat = app.chat ?? createChatService({ db: app.db, flows: app.services.flows, runs: app.runs });
  const shareChat = app.shareChat ?? createShareChatService({ db: app.db, chat, runs: app.runs });
  return { db: app.db, services: app.services, runs: app.runs, chat, shareChat, requestLimits: app.requestLimits ?? null, headers, caller };
}

const t = initTRPC.context<Context>().create({
  transformer: wireTransformer,
  // Subscriptions (a run's events) send tRPC's own keep-alive ping while a model is silent, so a proxy's idle
  // timeout never cuts them; the client reconnects (resuming from the last tracked seq) if even pings stop.
  sse: { ping: { enabled: true, intervalMs: sseHeartbeatMs }, client: { reconnectAfterInactivityMs: sseHeartbeatMs * 3 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // An unexpected error's text (a database's, with the query) stays on the server, wherever it was thrown.
    const isUnexpected = error.code === "INTERNAL_SERVER_ERROR" && !isAppError(cause);
    return {
      ...shape,
      message: isUnexpected ? INTERNAL_ERROR_MESSAGE : shape.message,
      data: {
        ...shape.data,
        // In development tRPC adds the stack, whose first line repeats the message.
        ...(isUnexpected && { stack: undefined }),
        // Field-level messages for forms: `{ fieldErrors: { name: ["name must not be empty"] } }`.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appCode: isAppError(cause) ? cause.code : null,
        details: isAppError(cause) ? (cause.details ?? null) : null,
      },
    };
  },
});

/**
 * Service errors become their tRPC code; invalid input becomes a BAD_REQUEST whose message names each field;
 * any other failure (a database's, a library's) answers INTERNAL_SERVER_ERROR with a generic message, its own
 * text kept as the cause for the server's log (app/api/trpc's onError) and never sent.
 */
const normaliseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isAppError(cause)) throw toTRPCError(cause);
  if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
  if (result.error.code === "INTERNAL_SERVER_ERROR") throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE, cause: cause ?? result.error });
  return result;
});

/** Every call spends from its caller's and its IP's budget first; over it, TOO_MANY_REQUESTS and nothing done. */
const spendRequestBudget = t.middleware(async ({ ctx, path, type, next }) => {
  await ctx.requestLimits?.consume(budgetOfProcedure(path, type), { caller: ctx.caller ? `user:${ctx.caller.userId}` : undefined, headers: ctx.headers });
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Open to anyone, signed in or not: only for what a share link or the sign-in page needs. */
export const publicProcedure = t.procedure.use(normaliseErrors).use(spendRequestBudget);

/** Needs a caller; `ctx.caller` is then non-null. Signed out: UNAUTHORIZED. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

/** Needs a caller whose credentials allow everything (a session, local mode or a `full` API key). */
export const fullAccessProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.caller.scope !== "full") throw new TRPCError({ code: "FORBIDDEN", message: "This API key may only run flows and read their runs." });
  return next();
});

/** Needs the admin. */
export const adminProcedure = fullAccessProcedure.use(({ ctx, next }) => {
  if (ctx.caller.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Only the admin can do this." });
  return next();
});
