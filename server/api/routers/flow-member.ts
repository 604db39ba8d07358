import { z } from "zod";
import { flowIdSchema } from "@/lib/flow/flow-inputs";
import { createTRPCRouter, fullAccessProcedure } from "@/server/api/trpc";
import { flowMemberRoles } from "@/server/services/flow-access";

// The people a flow is shared with; every procedure is the flow owner's alone.
const role = z.enum(flowMemberRoles);
const userId = z.string().min(1).max(100);

export const flowMemberRouter = createTRPCRouter({
  list: fullAccessProcedure.input(z.object({ flowId: flowIdSchema })).query(({ ctx, input }) => ctx.services.flowMembers.list(ctx.caller, input.flowId)),
  /** Adds a user of this server by email (NOT_FOUND when no one has it), or changes their role if already a member. */
  add: fullAccessProcedure
    .input(z.object({ flowId: flowIdSchema, email: z.email("email must look like name@example.com").max(320), role }))
    .mutation(({ ctx, input }) => ctx.services.flowMembers.add(ctx.caller, input)),
  setRole: fullAccessProcedure
    .input(z.object({ flowId: flowIdSchema, userId, role }))
    .mutation(({ ctx, input }) => ctx.services.flowMembers.setRole(ctx.caller, input)),
  remove: fullAccessProcedure
    .input(z.object({ flowId: flowIdSchema, userId }))
    .mutation(({ ctx, input }) => ctx.services.flowMembers.remove(ctx.caller, input)),
});
