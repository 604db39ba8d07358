// The warnings a model's answer earns although the node succeeded: a run whose model said nothing, or was cut
// off at its token limit, must not read as a plain success.
import type { ModelAnswer } from "@/lib/flow/run-context";
import type { NodeWarning } from "./events";

/**
 * `empty_answer` when no text came back (and no tool was called), `cut_off` when the provider stopped at the
 * token limit (OpenAI `finish_reason: "length"`, Anthropic `stop_reason: "max_tokens"`, Ollama `done_reason:
 * "length"`), `max_steps` when an agent ran out of steps. Reasoning text is not an answer.
 */
export function answerWarnings(answer: ModelAnswer): NodeWarning[] {
  const warnings: NodeWarning[] = [];
  if (answer.text.trim() === "" && answer.finishReason !== "tool_calls") {
    warnings.push({
      code: "empty_answer",
      message: answer.reasoning
        ? "The model only reasoned and gave no answer (its reasoning is kept below). Raise Max tokens, or ask for a shorter answer."
        : "The model answered with no text. Check the prompt and the model, or try again.",
    });
  }
  if (answer.finishReason === "length") {
    warnings.push({ code: "cut_off", message: "The answer was cut off at the token limit. Raise the model node's Max tokens to get the rest." });
  }
  if (answer.isOutOfSteps) {
    warnings.push({ code: "max_steps", message: "The agent used all its steps before it finished. Raise Max steps, or simplify the task." });
  }
  return warnings;
}
