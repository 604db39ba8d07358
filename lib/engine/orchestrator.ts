// The OsMEN guide's code API: createOrchestrator(name, pattern).addAgent({...}).execute({ query }).
// It builds the same graph a person would draw (input -> team <- agents, team -> output), compiles it and
// runs it on the same engine, so the canvas and scripts cannot drift apart.
import { compile } from "@/lib/flow/compile";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { AgentRole, ModelConfig } from "@/lib/flow/handles";
import type { OrchestrationPattern } from "@/lib/flow/run-context";
import { execute, type ExecuteOptions, type RunResult } from "./execute";

export type OrchestratorAgent = {
  id: string;
  role: AgentRole;
  capabilities?: string[];
  instructions?: string;
  maxSteps?: number;
  /** Without a model the agent uses the default provider (local first). */
  model?: ModelConfig;
};

export type OrchestratorOptions = Omit<ExecuteOptions, "input"> & { maxRounds?: number };

export type Orchestrator = {
  readonly name: string;
  readonly pattern: OrchestrationPattern;
  addAgent(agent: OrchestratorAgent): Orchestrator;
  toGraph(): FlowGraph;
  execute(request: { query: string }, options?: OrchestratorOptions): Promise<RunResult>;
};

export function createOrchestrator(name: string, pattern: OrchestrationPattern, defaults: OrchestratorOptions = {}): Orchestrator {
  const agents: OrchestratorAgent[] = [];
  const orchestrator: Orchestrator = {
    name,
    pattern,
    addAgent(agent) {
      agents.push(agent);
      return orchestrator;
    },
    toGraph: () => buildTeamGraph(pattern, agents, defaults.maxRounds),
    async execute(request, options = {}) {
      const merged = { ...defaults, ...options };
      const { plan, diagnostics } = compile(buildTeamGraph(pattern, agents, merged.maxRounds));
      if (!plan) {
        const problems = diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message);
        throw new Error(`Orchestrator "${name}" cannot run: ${problems.join(" ")}`);
      }
      return execute(plan, { ...merged, input: request.query });
    },
  };
  return orchestrator;
}

function buildTeamGraph(pattern: OrchestrationPattern, agents: OrchestratorAgent[], maxRounds = 3): FlowGraph {
  const nodes: FlowGraph["nodes"] = [
    { id: "input", type: "input", position: { x: 0, y: 0 }, data: { config: {} } },
    { id: "team", type: "team", position: { x: 400, y: 0 }, data: { config: { pattern, maxRounds } } },
    { id: "output", type: "output", position: { x: 600, y: 0 }, data: { config: { name: "result" } } },
  ];
  const edges: FlowGraph["edges"] = [
    { id: "input->team", source: "input", sourceHandle: "text", target: "team", targetHandle: "input" },
    { id: "team->output", source: "team", sourceHandle: "text", target: "output", targetHandle: "value" },
  ];
  agents.forEach((agent, index) => {
    const nodeId = `agent:${agent.id}`;
    // Positions carry the order: a team takes its agents top to bottom.
    const config = { name: toolSafeName(agent.id), role: agent.role, capabilities: agent.capabilities ?? [], instructions: agent.instructions ?? "", maxSteps: agent.maxSteps ?? 5 };
    nodes.push({ id: nodeId, type: "agent", position: { x: 200, y: index * 100 }, data: { config } });
    edges.push({ id: `${nodeId}->team`, source: nodeId, sourceHandle: "agent", target: "team", targetHandle: "agents" });
    if (agent.model) {
      const { provider, ...settings } = agent.model;
      nodes.push({ id: `model:${agent.id}`, type: `provider.${provider}`, position: { x: 0, y: index * 100 + 50 }, data: { config: settings } });
      edges.push({ id: `model:${agent.id}->agent`, source: `model:${agent.id}`, sourceHandle: "model", target: nodeId, targetHandle: "model" });
    }
  });
  return { version: 1, nodes, edges };
}

function toolSafeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64) || "agent";
}
