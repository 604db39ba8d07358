import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { describeCaller } from "@/server/auth/account-info";
import { getAuthMode } from "@/server/auth/app-auth";

export const accountRouter = createTRPCRouter({
  /** Who is asking and in which mode; `user` is null when signed out. Open so the sign-in page can ask. */
  me: publicProcedure.query(({ ctx }) => describeCaller(ctx.db, ctx.caller, getAuthMode())),
});
