// Runs a team in its declared pattern. The patterns make no model calls of their own: every call is an
// agent's, made through the same agent loop the rest of the engine uses.
import type { CallOrigin, OrchestrationPattern, TeamRequest } from "@/lib/flow/run-context";
import { invokeAgent } from "../agent-invoke";
import type { RunEnvironment } from "../run-environment";
import type { MemberRunner } from "./member-runner";
import { runHierarchical } from "./hierarchical";
import { runParallel } from "./parallel";
import { runSequential } from "./sequential";
import { runSupervisor } from "./supervisor";

const patterns: Record<OrchestrationPattern, (team: TeamRequest, runMember: MemberRunner) => Promise<string>> = {
  SEQUENTIAL: runSequential,
  PARALLEL: runParallel,
  HIERARCHICAL: runHierarchical,
  SUPERVISOR: runSupervisor,
};

export async function runTeam(env: RunEnvironment, team: TeamRequest, origin: CallOrigin): Promise<string> {
  if (team.agents.length === 0) throw new Error("this team has no agents");
  const runMember: MemberRunner = ({ agent, task, label, extraTools }) =>
    invokeAgent(env, agent, task, { signal: origin.signal, parentNodeId: team.nodeId, callId: `${team.nodeId}:${label}` }, extraTools);
  return patterns[team.pattern](team, runMember);
}
