// PARALLEL: every agent works on the same input at once; their outputs are joined, labelled by name.
import type { TeamRequest } from "@/lib/flow/run-context";
import type { MemberRunner } from "./member-runner";

export async function runParallel(team: TeamRequest, runMember: MemberRunner): Promise<string> {
  const outcomes = await Promise.all(
    team.agents.map((agent, index) => runMember({ agent, task: team.input, label: `branch-${index + 1}` })),
  );
  return outcomes.map((outcome, index) => `## ${team.agents[index]!.name}\n\n${outcome.text}`).join("\n\n");
}
