// The tools an agent's loop offers its model: the tool nodes wired into it, and one delegation tool per
// agent wired into it (HIERARCHICAL: named after the specialist, taking a `task`).
import type { AgentHandle, ToolHandle } from "@/lib/flow/handles";
import type { AgentOutcome, CallOrigin } from "@/lib/flow/run-context";
import type { LoopTool } from "./agent-loop";
import type { RunEnvironment } from "./run-environment";

export type Delegate = (agent: AgentHandle, task: string, origin: CallOrigin) => Promise<AgentOutcome>;

export function buildAgentTools(agent: AgentHandle, env: RunEnvironment, delegate: Delegate, extra: LoopTool[] = []): LoopTool[] {
  const tools = [...extra];
  for (const item of agent.tools) {
    tools.push(item.kind === "agent" ? countedDelegation(delegationTool(agent, item, delegate), agent, item, env) : nodeTool(agent, item, env));
  }
  return withUniqueNames(tools);
}

export function delegationTool(caller: AgentHandle, specialist: AgentHandle, delegate: Delegate): LoopTool {
  const about = [specialist.role, ...specialist.capabilities].join(", ");
  return {
    definition: {
      name: specialist.toolName,
      description: `Delegate a task to ${specialist.name} (${about}). Returns their answer.`,
      parameters: {
        type: "object",
        properties: { task: { type: "string", description: "What the specialist should do, with all needed context" } },
        required: ["task"],
      },
    },
    invoke: async (args, call) => {
      const task = typeof args.task === "string" ? args.task : JSON.stringify(args);
      const outcome = await delegate(specialist, task, { signal: call.signal, parentNodeId: caller.nodeId, callId: call.callId });
      return outcome.text;
    },
  };
}

// A specialist delegated to is used as a tool of its coordinator: counted like any tool node.
function countedDelegation(tool: LoopTool, caller: AgentHandle, specialist: AgentHandle, env: RunEnvironment): LoopTool {
  return {
    ...tool,
    invoke: (args, call) => {
      env.sink.emit({ type: "node.used", nodeId: specialist.nodeId, usedBy: caller.nodeId, as: "tool" });
      return tool.invoke(args, call);
    },
  };
}

function nodeTool(caller: AgentHandle, tool: ToolHandle, env: RunEnvironment): LoopTool {
  return {
    definition: tool.definition,
    invoke: (args, call) => {
      env.sink.emit({ type: "node.used", nodeId: tool.nodeId, usedBy: caller.nodeId, as: "tool" });
      return tool.invoke(args, { signal: call.signal, services: env.services, callerNodeId: caller.nodeId });
    },
  };
}

// Two tools with one name would be ambiguous to the model; later ones get a numeric suffix.
function withUniqueNames(tools: LoopTool[]): LoopTool[] {
  const seen = new Set<string>();
  return tools.map((tool) => {
    let name = tool.definition.name;
    for (let suffix = 2; seen.has(name); suffix += 1) name = `${tool.definition.name}_${suffix}`;
    seen.add(name);
    return name === tool.definition.name ? tool : { ...tool, definition: { ...tool.definition, name } };
  });
}
