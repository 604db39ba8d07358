// Anthropic has no JSON switch: an instruction always, and a "{" prefill where the model still accepts a
// final assistant message (Claude 4.6 and later reject it).
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";

const versionPattern = /claude-(?:(?:opus|sonnet|haiku)-(\d+)(?:[-.](\d))?(?!\d)|(\d+)(?:[-.](\d))?-(?:opus|sonnet|haiku))/;

export function acceptsPrefill(model: string): boolean {
  const match = versionPattern.exec(model);
  if (!match) return false; // unknown names are assumed new, and new models refuse a prefill
  const major = Number(match[1] ?? match[3]);
  const minor = Number(match[2] ?? match[4] ?? 0);
  return major < 4 || (major === 4 && minor < 6);
}

export const jsonPrefill = "{";

/** Prefills only a plain answer: with tools offered the model must stay free to call one. */
export function shouldPrefill(model: string, messages: MessageParam[], hasTools: boolean): boolean {
  return !hasTools && messages.at(-1)?.role === "user" && acceptsPrefill(model);
}
