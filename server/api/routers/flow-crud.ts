import { z } from "zod";
import { flowDescriptionSchema, flowIdSchema, flowNameSchema, flowVersionSchema } from "@/lib/flow/flow-inputs";
import { flowGraphInputSchema } from "@/lib/flow/graph-schema";
import { fullAccessProcedure } from "@/server/api/trpc";

const byId = z.object({ id: flowIdSchema });

export const flowCrudProcedures = {
  create: fullAccessProcedure
    .input(z.object({ name: flowNameSchema, description: flowDescriptionSchema.optional(), graph: flowGraphInputSchema.optional() }))
    .mutation(({ ctx, input }) => ctx.services.flows.create(ctx.caller, input)),

  get: fullAccessProcedure.input(byId).query(({ ctx, input }) => ctx.services.flows.get(ctx.caller, input.id)),

  list: fullAccessProcedure
    .input(z.object({ search: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).optional() }).optional())
    .query(({ ctx, input }) => ctx.services.flows.list(ctx.caller, input)),

  update: fullAccessProcedure
    .input(
      z.object({
        id: flowIdSchema,
        version: flowVersionSchema,
        graph: flowGraphInputSchema,
        name: flowNameSchema.optional(),
        description: flowDescriptionSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.services.flows.update(ctx.caller, input)),

  rename: fullAccessProcedure
    .input(z.object({ id: flowIdSchema, name: flowNameSchema }))
    .mutation(({ ctx, input }) => ctx.services.flows.rename(ctx.caller, input.id, input.name)),

  duplicate: fullAccessProcedure
    .input(z.object({ id: flowIdSchema, name: flowNameSchema.optional() }))
    .mutation(({ ctx, input }) => ctx.services.flows.duplicate(ctx.caller, input.id, input.name)),

  delete: fullAccessProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.flows.remove(ctx.caller, input.id)),
};
