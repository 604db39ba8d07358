import { z } from "zod";
import { flowDescriptionSchema, flowIdSchema, flowNameSchema } from "@/lib/flow/flow-inputs";
import { flowGraphInputSchema } from "@/lib/flow/graph-schema";
import { publicProcedure } from "@/server/api/trpc";

const byId = z.object({ id: flowIdSchema });

export const flowCrudProcedures = {
  create: publicProcedure
    .input(z.object({ name: flowNameSchema, description: flowDescriptionSchema.optional(), graph: flowGraphInputSchema.optional() }))
    .mutation(({ ctx, input }) => ctx.services.flows.create(input)),

  get: publicProcedure.input(byId).query(({ ctx, input }) => ctx.services.flows.get(input.id)),

  list: publicProcedure
    .input(z.object({ search: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).optional() }).optional())
    .query(({ ctx, input }) => ctx.services.flows.list(input)),

  update: publicProcedure
    .input(
      z.object({
        id: flowIdSchema,
        version: z.number().int().positive(),
        graph: flowGraphInputSchema,
        name: flowNameSchema.optional(),
        description: flowDescriptionSchema.optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.services.flows.update(input)),

  rename: publicProcedure
    .input(z.object({ id: flowIdSchema, name: flowNameSchema }))
    .mutation(({ ctx, input }) => ctx.services.flows.rename(input.id, input.name)),

  duplicate: publicProcedure
    .input(z.object({ id: flowIdSchema, name: flowNameSchema.optional() }))
    .mutation(({ ctx, input }) => ctx.services.flows.duplicate(input.id, input.name)),

  delete: publicProcedure.input(byId).mutation(({ ctx, input }) => ctx.services.flows.remove(input.id)),
};
