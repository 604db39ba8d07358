// Compiler findings, each tied to a node, edge or field and worded for the person who drew the graph.
export const diagnosticCodes = [
  "invalid_graph",
  "graph_too_large",
  "duplicate_node_id",
  "duplicate_edge_id",
  "unknown_kind",
  "invalid_config",
  "edge_missing_node",
  "edge_missing_handle",
  "edge_incompatible",
  "input_already_connected",
  "required_input_missing",
  "cycle",
  "multiple_inputs",
  "missing_output",
  "duplicate_output_name",
  "unused_node",
  "default_model",
  "team_too_small",
  "credential_missing",
  "credential_mismatch",
] as const;

export type DiagnosticCode = (typeof diagnosticCodes)[number] | (string & {});
export type DiagnosticSeverity = "error" | "warning";

export type Diagnostic = {
  code: DiagnosticCode;
  severity: DiagnosticSeverity;
  message: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
};

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

export function errorDiagnostic(code: DiagnosticCode, message: string, where: Omit<Diagnostic, "code" | "severity" | "message"> = {}): Diagnostic {
  return { code, severity: "error", message, ...where };
}

export function warningDiagnostic(code: DiagnosticCode, message: string, where: Omit<Diagnostic, "code" | "severity" | "message"> = {}): Diagnostic {
  return { code, severity: "warning", message, ...where };
}
