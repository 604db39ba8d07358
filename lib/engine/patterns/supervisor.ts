// SUPERVISOR: a worker drafts, the supervisor reviews with two tools, approve() and
// request_changes({ feedback }). Feedback goes back to the worker for another draft, up to maxRounds
// drafts; an answer with neither tool counts as approval. The last draft is the team's output.
import type { AgentHandle } from "@/lib/flow/handles";
import type { TeamRequest } from "@/lib/flow/run-context";
import type { LoopTool } from "../agent-loop";
import type { MemberRunner } from "./member-runner";

const verdictTools: LoopTool[] = [
  {
    definition: { name: "approve", description: "Accept the draft as it is.", parameters: { type: "object", properties: {} } },
    isTerminal: true,
    invoke: async () => "approved",
  },
  {
    definition: {
      name: "request_changes",
      description: "Send the draft back to the worker with what must change.",
      parameters: { type: "object", properties: { feedback: { type: "string" } }, required: ["feedback"] },
    },
    isTerminal: true,
    invoke: async () => "sent back to the worker",
  },
];

export function pickWorkerAndSupervisor(agents: AgentHandle[]): { worker: AgentHandle; supervisor: AgentHandle } {
  const supervisor = agents.find((agent) => agent.role === "supervisor") ?? agents[agents.length - 1]!;
  const worker = agents.find((agent) => agent.role === "worker" && agent !== supervisor) ?? agents.find((agent) => agent !== supervisor)!;
  return { worker, supervisor };
}

export async function runSupervisor(team: TeamRequest, runMember: MemberRunner): Promise<string> {
  const { worker, supervisor } = pickWorkerAndSupervisor(team.agents);
  let draft = "";
  let feedback = "";
  for (let round = 1; round <= team.maxRounds; round += 1) {
    const task = round === 1 ? team.input : revisionTask(team.input, draft, feedback);
    draft = (await runMember({ agent: worker, task, label: `draft-${round}` })).text;
    const review = await runMember({ agent: supervisor, task: reviewTask(team.input, draft), label: `review-${round}`, extraTools: verdictTools });
    if (review.terminal?.name !== "request_changes") return draft;
    feedback = typeof review.terminal.args.feedback === "string" ? review.terminal.args.feedback : JSON.stringify(review.terminal.args);
  }
  return draft;
}

function reviewTask(input: string, draft: string): string {
  return `Review this draft for the task below. Call approve() if it is good, or request_changes({ feedback }) saying what must change.\n\nTask:\n${input}\n\nDraft:\n${draft}`;
}

function revisionTask(input: string, draft: string, feedback: string): string {
  return `Revise your draft for the task below according to the reviewer's feedback.\n\nTask:\n${input}\n\nYour previous draft:\n${draft}\n\nFeedback:\n${feedback}`;
}
