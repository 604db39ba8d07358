// Compiles a stored flow or a posted graph for the canvas: the plan's summary and the diagnostics.
import { compile } from "@/lib/flow/compile";
import type { Diagnostic } from "@/lib/flow/diagnostics";
import type { PlanSummary } from "@/lib/flow/plan-summary";
import type { FlowService } from "./flow-service.ts";

export type CompileReport = { plan: PlanSummary | null; diagnostics: Diagnostic[] };

export function createFlowCompileService(flows: FlowService) {
  function compileGraph(graph: unknown): CompileReport {
    const { plan, diagnostics } = compile(graph);
    return { plan: plan?.summary ?? null, diagnostics };
  }

  async function compileFlow(flowId: string): Promise<CompileReport> {
    return compileGraph((await flows.get(flowId)).graph);
  }

  return { compileGraph, compileFlow };
}
