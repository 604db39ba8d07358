// The OsMEN guide's code API: createOrchestrator(name, pattern).addAgent({...}).execute({ query }).
// It builds the same graph a person would draw (input -> team <- agents, team -> output), compiles it and
// runs it on the same engine, so the canvas and scripts cannot drift apart.
import { compile } from "@/lib/flow/compile";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { agentRoles, type AgentRole, type ModelConfig } from "@/lib/flow/handles";
import { orchestrationPatterns, type OrchestrationPattern } from "@/lib/flow/run-context";
import { execute, type ExecuteOptions, type RunResult } from "./execute";

export type OrchestratorAgent = {
  /** Also the agent's display name; any text. */
  id: string;
  /** `AgentRole.COORDINATOR` or the string, in any case ("coordinator", "COORDINATOR"). */
  role: AgentRole | Uppercase<AgentRole> | (string & {});
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

/**
 * The guide's `create_orchestrator(name, pattern)`. `pattern` is `OrchestrationPattern.HIERARCHICAL` or its
 * string in any case ("hierarchical"). Throws an Error naming the accepted values for an unknown pattern
 * (here) or role (in `addAgent`).
 */
export function createOrchestrator(
  name: string,
  patternName: OrchestrationPattern | Lowercase<OrchestrationPattern> | (string & {}),
  defaults: OrchestratorOptions = {},
): Orchestrator {
  const pattern = parseChoice("pattern", patternName, orchestrationPatterns);
  const agents: Array<OrchestratorAgent & { role: AgentRole }> = [];
  const orchestrator: Orchestrator = {
    name,
    pattern,
    addAgent(agent) {
      agents.push({ ...agent, role: parseChoice("role", agent.role, agentRoles) });
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

// The guide writes enum members in upper case and our kinds store patterns upper and roles lower case.
function parseChoice<Choice extends string>(what: string, value: string, choices: readonly Choice[]): Choice {
  const found = choices.find((choice) => choice.toLowerCase() === String(value).trim().toLowerCase());
  if (!found) throw new Error(`Unknown ${what} "${value}"; use one of ${choices.join(", ")}.`);
  return found;
}

function buildTeamGraph(pattern: OrchestrationPattern, agents: Array<OrchestratorAgent & { role: AgentRole }>, maxRounds = 3): FlowGraph {
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
    const config = { name: agent.id, role: agent.role, capabilities: agent.capabilities ?? [], instructions: agent.instructions ?? "", maxSteps: agent.maxSteps ?? 5 };
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
