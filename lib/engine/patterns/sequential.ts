// SEQUENTIAL: each agent receives the previous one's output; the last one's output is the team's.
import type { TeamRequest } from "@/lib/flow/run-context";
import type { MemberRunner } from "./member-runner";

export async function runSequential(team: TeamRequest, runMember: MemberRunner): Promise<string> {
  let text = team.input;
  for (const [index, agent] of team.agents.entries()) {
    text = (await runMember({ agent, task: text, label: `step-${index + 1}` })).text;
  }
  return text;
}
