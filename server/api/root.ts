import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { apiKeyRouter } from "@/server/api/routers/api-key";
import { flowRouter } from "@/server/api/routers/flow";
import { runRouter } from "@/server/api/routers/run";
import { shareRouter } from "@/server/api/routers/share";

export const appRouter = createTRPCRouter({
  apiKey: apiKeyRouter,
  flow: flowRouter,
  run: runRouter,
  share: shareRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests. */
export const createCaller = createCallerFactory(appRouter);
