// Compiles a stored flow or a posted graph for the canvas: the plan's summary and the diagnostics.
import { compile } from "@/lib/flow/compile";
import { credentialIdsOf } from "@/lib/flow/credential-refs";
import type { Diagnostic } from "@/lib/flow/diagnostics";
import type { PlanSummary } from "@/lib/flow/plan-summary";
import type { CredentialService } from "./credential-service.ts";
import type { FlowService } from "./flow-service.ts";

export type CompileReport = { plan: PlanSummary | null; diagnostics: Diagnostic[] };

/** `credentials`: the kind and endpoint of the credentials a graph names, so a mismatched pairing is a diagnostic. */
export function createFlowCompileService(flows: FlowService, credentials: Pick<CredentialService, "describe">) {
  async function compileGraph(graph: unknown): Promise<CompileReport> {
    const { plan, diagnostics } = compile(graph, { credentials: await credentials.describe(credentialIdsOf(graph)) });
    return { plan: plan?.summary ?? null, diagnostics };
  }

  async function compileFlow(flowId: string): Promise<CompileReport> {
    return compileGraph((await flows.get(flowId)).graph);
  }

  return { compileGraph, compileFlow };
}
