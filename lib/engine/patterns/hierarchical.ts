// HIERARCHICAL: the coordinator (role coordinator, else the first agent) gets one delegation tool per
// specialist. Calls it makes in one step run concurrently (the agent loop runs a step's tool calls
// together); it loops until it answers in text or has used maxRounds model calls.
import type { AgentHandle } from "@/lib/flow/handles";
import type { TeamRequest } from "@/lib/flow/run-context";
import type { MemberRunner } from "./member-runner";

export function pickCoordinator(agents: AgentHandle[]): AgentHandle {
  return agents.find((agent) => agent.role === "coordinator") ?? agents[0]!;
}

export async function runHierarchical(team: TeamRequest, runMember: MemberRunner): Promise<string> {
  const coordinator = pickCoordinator(team.agents);
  const specialists = team.agents.filter((agent) => agent !== coordinator);
  const leading: AgentHandle = { ...coordinator, maxSteps: team.maxRounds, tools: [...specialists, ...coordinator.tools] };
  return (await runMember({ agent: leading, task: team.input, label: "coordinator" })).text;
}
