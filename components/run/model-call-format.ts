// Words for a node's model calls in the run panel: one summary line per call (model, finish reason,
// tokens, latency) and the call as a readable chat transcript (role labels, tool calls and tool results
// in words, the answer last). Pure, so the component only lays it out.
import type { ModelCallRecord } from "@/lib/engine/model-call";
import { formatDuration, formatUsage } from "./run-format";

/** One line of a call's summary row; `finish` reads "failed" for a call that failed. */
export type ModelCallSummary = { title: string; finish: string; tokens: string; latency: string };

/** One turn of the transcript: who spoke (`label`), what they said, and the tool calls they made. */
export type TranscriptTurn = {
  role: "system" | "user" | "assistant" | "tool" | "answer" | "error";
  label: string;
  text: string;
  toolCalls: { name: string; arguments: string; problem?: string }[];
};

const finishWords: Record<NonNullable<ModelCallRecord["finishReason"]>, string> = {
  stop: "finished",
  length: "cut off at the token limit",
  tool_calls: "asked for tools",
};

/** The summary row of one call: "#2 · ollama · llama3.2", how it ended, tokens and latency in ms or s. */
export function summarizeModelCall(call: ModelCallRecord): ModelCallSummary {
  const latency = [call.ttftMs === undefined ? "" : `first token ${formatDuration(call.ttftMs)}`, `${formatDuration(call.durationMs)} total`];
  return {
    title: `#${call.callIndex} · ${call.provider} · ${call.model}`,
    finish: call.error ? "failed" : call.finishReason ? finishWords[call.finishReason] : "answered",
    tokens: formatUsage(call.usage),
    latency: latency.filter(Boolean).join(" · "),
  };
}

const toolCallsOf = (calls: { name: string; arguments: Record<string, unknown>; argumentsError?: string }[] | undefined) =>
  (calls ?? []).map((call) => ({ name: call.name, arguments: JSON.stringify(call.arguments, null, 2), ...(call.argumentsError ? { problem: call.argumentsError } : {}) }));

/** The messages sent, then the model's answer (or the failure), as turns a person reads top to bottom. */
export function modelCallTranscript(call: ModelCallRecord): TranscriptTurn[] {
  const turns: TranscriptTurn[] = call.messages.map((message) => {
    switch (message.role) {
      case "system":
        return { role: "system", label: "System", text: message.content, toolCalls: [] };
      case "user":
        return { role: "user", label: "User", text: message.content, toolCalls: [] };
      case "assistant":
        return { role: "assistant", label: "Assistant", text: message.content, toolCalls: toolCallsOf(message.toolCalls) };
      case "tool":
        return { role: "tool", label: `Tool result${message.name ? `: ${message.name}` : ""}`, text: message.content, toolCalls: [] };
    }
  });
  if (call.answer) turns.push({ role: "answer", label: "Answer", text: call.answer.text, toolCalls: toolCallsOf(call.answer.toolCalls) });
  if (call.error) turns.push({ role: "error", label: "The call failed", text: call.error, toolCalls: [] });
  return turns;
}

/** The tools offered, one line each ("calculator: Evaluates…"); empty when none were offered. */
export const offeredTools = (call: ModelCallRecord): string[] => call.tools.map((tool) => (tool.description ? `${tool.name}: ${tool.description}` : tool.name));

/** The call as indented JSON, for the folded raw view. */
export const modelCallJson = (call: ModelCallRecord): string => JSON.stringify(call, null, 2);
