// Compiles a stored flow or a posted graph for the canvas: the plan's summary and the diagnostics.
import { compile } from "@/lib/flow/compile";
import type { Diagnostic } from "@/lib/flow/diagnostics";
import type { PlanSummary } from "@/lib/flow/plan-summary";
import type { Caller } from "@/server/auth/caller";
import type { FlowService } from "./flow-service.ts";

export type CompileReport = { plan: PlanSummary | null; diagnostics: Diagnostic[] };

export function createFlowCompileService(flows: FlowService) {
  function compileGraph(graph: unknown): CompileReport {
    const { plan, diagnostics } = compile(graph);
    return { plan: plan?.summary ?? null, diagnostics };
  }

  /** Compiles a stored flow the caller can read. @throws AppError NOT_FOUND otherwise. */
  async function compileFlow(caller: Caller, flowId: string): Promise<CompileReport> {
    return compileGraph((await flows.get(caller, flowId)).graph);
  }

  return { compileGraph, compileFlow };
}
