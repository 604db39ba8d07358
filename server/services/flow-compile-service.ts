// Compiles a stored flow or a posted graph for the canvas: the plan's summary and the diagnostics.
import { compile } from "@/lib/flow/compile";
import { credentialIdsOf } from "@/lib/flow/credential-refs";
import type { Diagnostic } from "@/lib/flow/diagnostics";
import type { PlanSummary } from "@/lib/flow/plan-summary";
import type { Caller } from "@/server/auth/caller";
import type { CredentialService } from "./credential-service.ts";
import type { FlowService } from "./flow-service.ts";

export type CompileReport = { plan: PlanSummary | null; diagnostics: Diagnostic[] };

/**
 * `credentials`: the kind and endpoint of the caller's credentials a graph names, so a mismatched pairing
 * is a diagnostic. A credential of someone else's reads as missing: a run by this caller could not use it.
 */
export function createFlowCompileService(flows: FlowService, credentials: Pick<CredentialService, "describe">) {
  async function compileGraph(caller: Caller, graph: unknown): Promise<CompileReport> {
    const { plan, diagnostics } = compile(graph, { credentials: await credentials.describe(caller, credentialIdsOf(graph)) });
    return { plan: plan?.summary ?? null, diagnostics };
  }

  /** Compiles a stored flow the caller can read, as stored (as a run would). @throws AppError NOT_FOUND otherwise. */
  async function compileFlow(caller: Caller, flowId: string): Promise<CompileReport> {
    return compileGraph(caller, (await flows.getStored(caller, flowId)).graph);
  }

  return { compileGraph, compileFlow };
}
