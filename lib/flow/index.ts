// The flow layer's public surface: the catalog (browser-safe), the compiler and the plan types.
export { nodeKinds, nodeCatalog, getNodeKind, readNodeConfig, defaultConfig, configJsonSchema, type NodeCatalog } from "./catalog";
export { compile, compileGraph, MAX_EDGES, MAX_NODES, type CompileResult } from "./compile";
export { diagnosticCodes, hasErrors, type Diagnostic, type DiagnosticCode, type DiagnosticSeverity } from "./diagnostics";
export type { Plan, PlanNode, PlanInputRef } from "./plan";
export type { PlanMember, PlanStep, PlanStructure, PlanSummary } from "./plan-summary";
export { canConnect, findPort, portTypes, type NodePorts, type PortSpec, type PortType } from "./ports";
export { nodeCategories, defineNodeKind, type AnyNodeKind, type NodeCategory, type NodeKind } from "./node-kind";
export { orchestrationPatterns, OrchestrationPattern, type NodeRunContext, type RunServices } from "./run-context";
export type { AgentHandle, ModelConfig, ModelHandle, ToolHandle } from "./handles";
export { extractPlaceholders } from "./template";
export { createGraphBuilder, type GraphBuilder } from "./graph-builder";
