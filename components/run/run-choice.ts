// Small decisions the run view makes: which run to reattach to, start-error details.
import type { Diagnostic } from "@/lib/flow/diagnostics";
import { inputKind } from "@/lib/flow/kinds/input";

type ListedRun = { id: string; status: string };

/** The newest run still going (run.list is newest first): a reload follows it again. */
export function runToReattach(runs: readonly ListedRun[] | undefined): string | null {
  return runs?.find((run) => run.status === "running" || run.status === "queued")?.id ?? null;
}

/** The compiler's findings when run.start refused the flow (server errorFormatter puts them in data.details). */
export function diagnosticsOfStartError(error: unknown): Diagnostic[] {
  const details = (error as { data?: { details?: { diagnostics?: unknown } | null } | null } | null)?.data?.details;
  const diagnostics = details?.diagnostics;
  return Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : [];
}

/** Whether the flow takes run input (it has an Input node), so starting a run asks for it; otherwise it runs at once. */
export function takesRunInput(nodes: readonly { type?: string }[]): boolean {
  return nodes.some((node) => node.type === inputKind.type);
}
