// An agent: a tool-calling loop on its model. Its `agent` output lets a team run it, or another agent
// delegate to it (wired into that agent's `tools`, it becomes a specialist: the HIERARCHICAL pattern).
import { z } from "zod";
import { agentRoles, type AgentHandle, type ModelHandle, type ToolHandle } from "../handles";
import { defineNodeKind, type KindIssue } from "../node-kind";
import type { NodeInputs } from "../run-context";
import { toChatHistory } from "../chat-history";
import { toText } from "../template";
import { toToolName } from "../tool-name";

const configSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "give the agent a name")
    .max(100)
    .default("agent")
    .meta({
      title: "Name",
      description: "Any text. Agents that delegate to this one call it by a tool name made from it (\"Research agent\" → Research_agent).",
    }),
  role: z.enum(agentRoles).default("specialist").meta({ title: "Role" }),
  instructions: z
    .string()
    .max(100_000)
    .default("")
    .meta({ title: "Instructions", description: "The agent's system prompt.", widget: "textarea" }),
  capabilities: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .default([])
    .meta({ title: "Capabilities", description: "What it is good at; shown to agents that delegate to it.", widget: "tags" }),
  maxSteps: z.number().int().min(1).max(50).default(5).meta({ title: "Max steps", description: "Model calls per task." }),
});

type AgentConfig = z.output<typeof configSchema>;

export function toAgentHandle(nodeId: string, inputs: NodeInputs, config: AgentConfig): AgentHandle {
  return {
    kind: "agent",
    nodeId,
    ...config,
    toolName: toToolName(config.name, "agent"),
    model: inputs.model as ModelHandle | undefined,
    // A node that offers several tools (an MCP server) sends a list of handles on one edge.
    tools: ((inputs.tools as Array<ToolHandle | AgentHandle | ToolHandle[]> | undefined) ?? []).flat(),
  };
}

function checkAgent(view: { inputCounts: Record<string, number>; usedOutputs: ReadonlySet<string> }): KindIssue[] {
  const issues: KindIssue[] = [];
  if (view.usedOutputs.has("text") && !view.inputCounts.input) {
    issues.push({
      code: "required_input_missing",
      severity: "error",
      message: "This agent's text output is used, so its input needs a connection: what should it work on?",
      field: "input",
    });
  }
  if (!view.inputCounts.model) {
    issues.push({
      code: "default_model",
      severity: "warning",
      message: "No model is connected; this agent will use the default provider (local first).",
      field: "model",
    });
  }
  return issues;
}

export const agentKind = defineNodeKind({
  type: "agent",
  title: "Agent",
  category: "agents",
  description: "Works on a task with its model and tools, calling tools until it can answer.",
  configSchema,
  ports: () => ({
    inputs: [
      { name: "model", type: "model", label: "Model" },
      { name: "tools", type: "tool", label: "Tools", multiple: true, description: "Tools, or agents to delegate to." },
      { name: "input", type: "text", label: "Input" },
      { name: "history", type: "data", label: "History", description: "Earlier chat messages, from a Memory node." },
    ],
    outputs: [
      { name: "text", type: "text", label: "Text" },
      { name: "agent", type: "agent", label: "Agent" },
    ],
  }),
  summarize: (config) => `${config.name} · ${config.role} · ≤${config.maxSteps} steps`,
  check: checkAgent,
  run: async (context, inputs, config) => {
    const agent = toAgentHandle(context.nodeId, inputs, config);
    if (!context.wants("text")) return { agent };
    const history = toChatHistory(inputs.history);
    const outcome = await context.services.runAgent(agent, toText(inputs.input), { signal: context.signal, history });
    context.addUsage(outcome.usage);
    context.reportAnswer?.({
      text: outcome.text,
      finishReason: outcome.finishReason ?? "stop",
      reasoning: outcome.reasoning,
      isOutOfSteps: outcome.stoppedBy === "max_steps",
    });
    return { agent, text: outcome.text };
  },
});
