// Runs an agent handle on a task inside a run: resolves its model, assembles its tools, and, when another
// node invoked it (a team, or a coordinator delegating), reports its own started/completed/failed events
// on the agent's node so the canvas lights it up.
import type { AgentHandle } from "@/lib/flow/handles";
import type { AgentOutcome, CallOrigin } from "@/lib/flow/run-context";
import type { LoopTool } from "./agent-loop";
import { runAgentLoop } from "./agent-loop";
import { buildAgentTools } from "./agent-tools";
import { describeFailure } from "./errors";
import { answerFields } from "./node-runner";
import type { RunEnvironment } from "./run-environment";

export async function invokeAgent(
  env: RunEnvironment,
  agent: AgentHandle,
  task: string,
  origin: CallOrigin,
  extraTools: LoopTool[] = [],
): Promise<AgentOutcome> {
  const isEmbedded = origin.parentNodeId !== undefined;
  const started = Date.now();
  const invocation = { parentNodeId: origin.parentNodeId, callId: origin.callId };
  if (isEmbedded) env.sink.emit({ type: "node.started", nodeId: agent.nodeId, kind: "agent", input: task, ...invocation });
  try {
    const provider = await env.services.resolveProvider(agent.model, { signal: origin.signal, nodeId: agent.nodeId });
    const delegate = (specialist: AgentHandle, subtask: string, subOrigin: CallOrigin) => invokeAgent(env, specialist, subtask, subOrigin);
    const outcome = await runAgentLoop({
      provider,
      system: systemPrompt(agent),
      task,
      history: origin.history,
      tools: buildAgentTools(agent, env, delegate, extraTools),
      maxSteps: agent.maxSteps,
      signal: origin.signal,
      report: (activity) => env.sink.emit({ ...activity, nodeId: agent.nodeId }),
    });
    if (isEmbedded) {
      const durationMs = Date.now() - started;
      const answer = { text: outcome.text, finishReason: outcome.finishReason ?? "stop", reasoning: outcome.reasoning, isOutOfSteps: outcome.stoppedBy === "max_steps" } as const;
      const outputs = { text: outcome.text };
      env.sink.emit({ type: "node.completed", nodeId: agent.nodeId, kind: "agent", outputs, usage: outcome.usage, durationMs, ...answerFields(answer), ...invocation });
    }
    return outcome;
  } catch (error) {
    if (isEmbedded) {
      const failure = describeFailure(origin.signal.aborted ? origin.signal.reason ?? error : error);
      env.sink.emit({ type: "node.failed", nodeId: agent.nodeId, kind: "agent", ...failure, durationMs: Date.now() - started, ...invocation });
    }
    throw error;
  }
}

function systemPrompt(agent: AgentHandle): string {
  const identity = `You are ${agent.name}, acting as ${agent.role}.`;
  const skills = agent.capabilities.length > 0 ? `Your capabilities: ${agent.capabilities.join(", ")}.` : "";
  return [identity, skills, agent.instructions].filter(Boolean).join("\n\n");
}
