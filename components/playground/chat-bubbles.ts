// What the playground's chat shows: the session's stored messages, then the turn being answered live (its
// message and the answer streaming in), and a note where a message got no answer. Pure, so it is tested
// without React.
import type { RunState } from "@/lib/engine/run-state";
import { toText } from "@/lib/flow/template";

export type StoredChatMessage = { id: string; role: "user" | "assistant"; text: string; runId: string | null };

/** The message just sent and the run answering it. */
export type LiveTurn = { runId: string; message: string };

/** `streaming`: the answer is still arriving; `failed`: the run ended without an answer (`text` says why). */
export type ChatBubble = { key: string; role: "user" | "assistant"; text: string; runId: string | null; state: "done" | "streaming" | "failed" };

const isGoing = (status: RunState["status"]) => status === "queued" || status === "running";

/**
 * The answer so far: the run's output once it succeeded, else the text streamed by the nodes that feed the
 * output node (`answerNodes`, see lib/flow/answer-nodes.ts), in the order given.
 */
export function answerTextOf(state: RunState, answerNodes: ReadonlySet<string>): string {
  if (state.status === "succeeded" && state.output !== undefined) return toText(state.output);
  return [...answerNodes].map((nodeId) => Object.hasOwn(state.nodes, nodeId) ? state.nodes[nodeId]!.text : "").filter(Boolean).join("\n\n");
}

function failureText(state: RunState): string {
  if (state.status === "cancelled") return "The run was stopped before it answered.";
  return state.error ? `The run failed: ${state.error.message}` : "The run ended without an answer.";
}

function liveAnswer(live: LiveTurn, state: RunState, answerNodes: ReadonlySet<string>): ChatBubble {
  const key = `live-answer-${live.runId}`;
  if (isGoing(state.status)) return { key, role: "assistant", text: answerTextOf(state, answerNodes), runId: live.runId, state: "streaming" };
  if (state.status === "succeeded") return { key, role: "assistant", text: answerTextOf(state, answerNodes), runId: live.runId, state: "done" };
  return { key, role: "assistant", text: failureText(state), runId: live.runId, state: "failed" };
}

/**
 * The bubbles in order. `run` is the followed run's state; it counts for `live` only when it is that run's.
 * A stored message whose run stored no answer (and is not the live one) is followed by a failed bubble.
 */
export function chatBubbles(stored: readonly StoredChatMessage[], live: LiveTurn | null, run: { runId: string | null; state: RunState }, answerNodes: ReadonlySet<string>): ChatBubble[] {
  const answered = new Set(stored.filter((message) => message.role === "assistant").map((message) => message.runId));
  const bubbles: ChatBubble[] = [];
  for (const message of stored) {
    bubbles.push({ key: message.id, role: message.role, text: message.text, runId: message.runId, state: "done" });
    const isUnanswered = message.role === "user" && message.runId !== null && !answered.has(message.runId) && message.runId !== live?.runId;
    if (isUnanswered) bubbles.push({ key: `${message.id}-no-answer`, role: "assistant", text: "No answer was stored for this message.", runId: message.runId, state: "failed" });
  }
  if (!live) return bubbles;
  if (!stored.some((message) => message.role === "user" && message.runId === live.runId)) {
    bubbles.push({ key: `live-message-${live.runId}`, role: "user", text: live.message, runId: live.runId, state: "done" });
  }
  if (!answered.has(live.runId)) {
    const state = run.runId === live.runId ? run.state : { ...run.state, status: "queued" as const, nodes: {} };
    bubbles.push(liveAnswer(live, state, answerNodes));
  }
  return bubbles;
}
