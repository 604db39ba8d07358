// A flow's "expose as MCP tool" setting; only its owner reads or changes it.
import { z } from "zod";
import { flowToolDescriptionSchema, flowToolNameSchema } from "@/lib/flow/flow-tool";
import { flowIdSchema } from "@/lib/flow/flow-inputs";
import { fullAccessProcedure } from "@/server/api/trpc";

export const flowToolProcedures = {
  mcpTool: fullAccessProcedure.input(z.object({ id: flowIdSchema })).query(({ ctx, input }) => ctx.services.flowTools.get(ctx.caller, input.id)),

  setMcpTool: fullAccessProcedure
    .input(z.object({ id: flowIdSchema, exposed: z.boolean(), toolName: flowToolNameSchema, description: flowToolDescriptionSchema.default("") }))
    .mutation(({ ctx, input }) =>
      ctx.services.flowTools.set(ctx.caller, { flowId: input.id, exposed: input.exposed, toolName: input.toolName, description: input.description }),
    ),
};
