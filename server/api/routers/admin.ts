import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { getAuth } from "@/server/auth/app-auth";
import { createUserAdmin } from "@/server/auth/user-admin";
import type { Context } from "@/server/api/trpc";
import { publicOriginFromHeaders } from "@/server/http/public-origin";

const id = z.string().min(1).max(100);
const usersOf = (ctx: Context) => createUserAdmin(ctx.db, getAuth);

export const adminRouter = createTRPCRouter({
  listUsers: adminProcedure.query(({ ctx }) => usersOf(ctx).listUsers()),
  /** Disabling signs the user out everywhere at once; their API keys stop working too. */
  setUserDisabled: adminProcedure
    .input(z.object({ userId: id, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => usersOf(ctx).setDisabled(ctx.caller, ctx.headers, input.userId, input.disabled)),
  /** Returns the sign-up link once; only a hash of its token is kept. */
  createInvitation: adminProcedure
    .input(z.object({ email: z.email("enter an email address like name@example.com") }))
    .mutation(({ ctx, input }) => usersOf(ctx).createInvitation(ctx.caller, input.email, publicOriginFromHeaders(ctx.headers))),
  listInvitations: adminProcedure.query(({ ctx }) => usersOf(ctx).listInvitations()),
  revokeInvitation: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => usersOf(ctx).revokeInvitation(input.id)),
});
