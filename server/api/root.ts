import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { accountRouter } from "@/server/api/routers/account";
import { adminRouter } from "@/server/api/routers/admin";
import { apiKeyRouter } from "@/server/api/routers/api-key";
import { chatRouter } from "@/server/api/routers/chat";
import { credentialRouter } from "@/server/api/routers/credential";
import { flowRouter } from "@/server/api/routers/flow";
import { flowMemberRouter } from "@/server/api/routers/flow-member";
import { googleRouter } from "@/server/api/routers/google";
import { providerRouter } from "@/server/api/routers/provider";
import { runRouter } from "@/server/api/routers/run";
import { shareRouter } from "@/server/api/routers/share";
import { shareChatRouter } from "@/server/api/routers/share-chat";
import { templateRouter } from "@/server/api/routers/template";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  apiKey: apiKeyRouter,
  chat: chatRouter,
  credential: credentialRouter,
  flow: flowRouter,
  flowMember: flowMemberRouter,
  google: googleRouter,
  provider: providerRouter,
  run: runRouter,
  share: shareRouter,
  shareChat: shareChatRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: server components and tests. */
export const createCaller = createCallerFactory(appRouter);
