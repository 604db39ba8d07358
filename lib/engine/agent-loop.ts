// The tool-calling loop at the heart of an agent: ask the model, run the tools it asks for (together,
// concurrently), feed results back, until it answers in text or runs out of steps. A tool that throws is
// reported to the model as an error result, and so is a call the engine cannot use (arguments that are not a
// JSON object, a tool that does not exist): each costs one step, never the run. Only cancellation ends the
// loop early.
import type { AgentOutcome, NodeActivity } from "@/lib/flow/run-context";
import type { ChatHistory } from "@/lib/flow/chat-history";
import { streamChat } from "@/lib/flow/stream-text";
import { toText } from "@/lib/flow/template";
import type { ChatMessage, FinishReason, LLMProvider, TokenUsage, ToolCall, ToolDefinition } from "@/lib/llm/types";

export type LoopTool = {
  definition: ToolDefinition;
  /** Ends the loop once called (a supervisor's verdict); its arguments are the outcome. */
  isTerminal?: boolean;
  invoke(args: Record<string, unknown>, call: { signal: AbortSignal; callId: string }): Promise<unknown>;
};

export type AgentLoopInput = {
  provider: LLMProvider;
  system: string;
  task: string;
  /** Earlier messages of the conversation, sent between the system prompt and the task. */
  history?: ChatHistory;
  tools: LoopTool[];
  maxSteps: number;
  signal: AbortSignal;
  report(activity: NodeActivity): void;
};

const MAX_TOOL_RESULT_CHARS = 20_000;

export async function runAgentLoop(input: AgentLoopInput): Promise<AgentOutcome> {
  const messages: ChatMessage[] = [];
  if (input.system) messages.push({ role: "system", content: input.system });
  messages.push(...(input.history ?? []));
  messages.push({ role: "user", content: input.task });
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  const byName = new Map(input.tools.map((tool) => [tool.definition.name, tool]));
  let lastText = "";
  let finishReason: FinishReason | undefined;
  let reasoning = "";
  const ending = () => ({ usage, finishReason, ...(reasoning ? { reasoning } : {}) });
  for (let step = 1; step <= input.maxSteps; step += 1) {
    const response = await streamChat(input.provider, messages, {
      signal: input.signal,
      tools: input.tools.length > 0 ? input.tools.map((tool) => tool.definition) : undefined,
      onDelta: (text) => input.report({ type: "node.delta", text }),
      onReasoning: (text) => input.report({ type: "node.reasoning", text }),
    });
    usage.inputTokens += response.usage.inputTokens;
    usage.outputTokens += response.usage.outputTokens;
    lastText = response.content;
    finishReason = response.finishReason;
    if (response.reasoning) reasoning += reasoning ? `\n\n${response.reasoning}` : response.reasoning;
    if (response.toolCalls.length === 0) return { text: response.content, steps: step, stoppedBy: "answer", ...ending() };
    messages.push({ role: "assistant", content: response.content, toolCalls: response.toolCalls });
    const results = await Promise.all(response.toolCalls.map((call) => runToolCall(call, byName, input)));
    messages.push(...results.map((result) => result.message));
    const terminal = response.toolCalls.find((call, index) => byName.get(call.name)?.isTerminal && !results[index]!.isError);
    if (terminal) return { text: response.content, steps: step, stoppedBy: "terminal_tool", terminal: { name: terminal.name, args: terminal.arguments }, ...ending() };
  }
  return { text: lastText, steps: input.maxSteps, stoppedBy: "max_steps", ...ending() };
}

async function runToolCall(call: ToolCall, byName: Map<string, LoopTool>, input: AgentLoopInput) {
  input.report({ type: "node.tool_call", callId: call.id, name: call.name, args: call.arguments });
  const tool = byName.get(call.name);
  let result: string;
  let isError = false;
  try {
    if (!tool) throw new Error(`there is no tool named "${call.name}"; available: ${[...byName.keys()].join(", ") || "none"}`);
    if (call.argumentsError) throw new Error(`${call.argumentsError}. The tool did not run; call it again with corrected arguments.`);
    result = clip(toText(await tool.invoke(call.arguments, { signal: input.signal, callId: call.id })));
  } catch (error) {
    // Cancellation must end the run, not become a message to the model.
    if (input.signal.aborted) throw error;
    isError = true;
    result = `Error: ${error instanceof Error ? error.message : String(error)}`;
  }
  input.report({ type: "node.tool_result", callId: call.id, name: call.name, result, isError });
  const message: ChatMessage = { role: "tool", toolCallId: call.id, name: call.name, content: result };
  return { message, isError };
}

function clip(text: string): string {
  return text.length > MAX_TOOL_RESULT_CHARS ? `${text.slice(0, MAX_TOOL_RESULT_CHARS)}\n[truncated]` : text;
}
