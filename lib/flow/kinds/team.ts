// A team runs its agents in one of the four orchestration patterns. Agents arrive ordered by their
// position on the canvas (top to bottom, then left to right), the order a person sees.
import { z } from "zod";
import type { AgentHandle } from "../handles";
import { defineNodeKind, type KindIssue } from "../node-kind";
import { orchestrationPatterns } from "../run-context";
import { toText } from "../template";

const configSchema = z.object({
  pattern: z.enum(orchestrationPatterns).default("SEQUENTIAL").meta({
    title: "Pattern",
    description:
      "SEQUENTIAL: each agent gets the previous one's output. PARALLEL: all at once, outputs joined. " +
      "HIERARCHICAL: a coordinator delegates to the others. SUPERVISOR: a worker drafts, a supervisor approves or asks for changes.",
  }),
  maxRounds: z.number().int().min(1).max(20).default(3).meta({
    title: "Max rounds",
    description: "HIERARCHICAL: coordinator steps. SUPERVISOR: drafts before the last one is accepted.",
  }),
});

function checkTeam(view: { config: z.output<typeof configSchema>; inputCounts: Record<string, number> }): KindIssue[] {
  const count = view.inputCounts.agents ?? 0;
  const needsTwo = view.config.pattern === "HIERARCHICAL" || view.config.pattern === "SUPERVISOR";
  if (!needsTwo || count === 0 || count >= 2) return [];
  return [
    {
      code: "team_too_small",
      severity: "error",
      message: `The ${view.config.pattern} pattern needs at least two agents; this team has ${count}.`,
      field: "agents",
    },
  ];
}

export const teamKind = defineNodeKind({
  type: "team",
  title: "Team",
  category: "agents",
  description: "Runs several agents together in a chosen orchestration pattern.",
  configSchema,
  ports: () => ({
    inputs: [
      { name: "agents", type: "agent", label: "Agents", required: true, multiple: true },
      { name: "input", type: "text", label: "Input", required: true },
    ],
    outputs: [{ name: "text", type: "text", label: "Text" }],
  }),
  summarize: (config) => `${config.pattern} · ≤${config.maxRounds} rounds`,
  check: checkTeam,
  run: async (context, inputs, config) => {
    const text = await context.services.runTeam(
      { nodeId: context.nodeId, ...config, agents: inputs.agents as AgentHandle[], input: toText(inputs.input) },
      { signal: context.signal, parentNodeId: context.nodeId },
    );
    return { text };
  },
});
