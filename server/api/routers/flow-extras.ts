// Compile, version history, export and import: the flow procedures beyond storing and listing.
import { z } from "zod";
import { flowDocumentSchema, toFlowDocument } from "@/lib/flow/flow-document";
import { flowIdSchema, flowVersionSchema } from "@/lib/flow/flow-inputs";
import { MAX_GRAPH_BYTES, graphByteSize } from "@/lib/flow/graph-schema";
import { fullAccessProcedure } from "@/server/api/trpc";

const version = flowVersionSchema;
const postedGraph = z.unknown().refine((graph) => graphByteSize(graph) <= MAX_GRAPH_BYTES, "graph is over the 5 MB limit");

export const flowExtraProcedures = {
  compile: fullAccessProcedure
    .input(z.union([z.object({ id: flowIdSchema }), z.object({ graph: postedGraph })]))
    .query(({ ctx, input }) =>
      "id" in input ? ctx.services.flowCompiler.compileFlow(ctx.caller, input.id) : ctx.services.flowCompiler.compileGraph(ctx.caller, input.graph),
    ),

  versions: fullAccessProcedure.input(z.object({ id: flowIdSchema })).query(({ ctx, input }) => ctx.services.flowHistory.list(ctx.caller, input.id)),

  getVersion: fullAccessProcedure
    .input(z.object({ id: flowIdSchema, version }))
    .query(({ ctx, input }) => ctx.services.flowHistory.get(ctx.caller, input.id, input.version)),

  restoreVersion: fullAccessProcedure
    .input(z.object({ id: flowIdSchema, version, expectedVersion: version }))
    .mutation(({ ctx, input }) => ctx.services.flowHistory.restore(ctx.caller, input.id, input.version, input.expectedVersion)),

  export: fullAccessProcedure
    .input(z.object({ id: flowIdSchema }))
    .query(async ({ ctx, input }) => toFlowDocument(await ctx.services.flows.getStored(ctx.caller, input.id))),

  import: fullAccessProcedure
    .input(z.object({ document: flowDocumentSchema }))
    .mutation(({ ctx, input }) => ctx.services.flowImports.importFlow(ctx.caller, input.document)),
};
