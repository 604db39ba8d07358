import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { flowRouter } from "@/server/api/routers/flow";

export const appRouter = createTRPCRouter({
  flow: flowRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests. */
export const createCaller = createCallerFactory(appRouter);
