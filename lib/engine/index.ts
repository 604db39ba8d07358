// The engine's public surface: execute a compiled plan, stream its events, or orchestrate agents in code.
export { execute, executeStream, type ExecuteOptions, type RunResult, type RunStatus } from "./execute";
export { runEventSchema, terminalEventTypes, type RunEvent, type RunEventOf, type RunEventType } from "./events";
export { createProviderResolver, guardedFetchFor, toProviderResolver, type CredentialResolver, type ProviderResolver, type ProviderContext, type ResolvedCredential } from "./providers";
export { createOrchestrator, type Orchestrator, type OrchestratorAgent, type OrchestratorOptions } from "./orchestrator";
export { EngineError, engineErrorCodes, type EngineErrorCode } from "./errors";
export { OrchestrationPattern } from "@/lib/flow/run-context";
export { AgentRole } from "@/lib/flow/handles";
