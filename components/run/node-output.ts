// What to show as a node's output: its streamed text when it streamed, else its outputs in readable form.
import type { NodeRunView } from "./node-run-view";

/** Markdown for a node's output: its streamed text, else its single string output, else its outputs as JSON. */
export function outputTextOf(node: Pick<NodeRunView, "text" | "outputs">): string {
  if (node.text) return node.text;
  if (!node.outputs) return "";
  const values = Object.values(node.outputs).filter((value) => value !== undefined && value !== null);
  if (values.length === 1 && typeof values[0] === "string") return values[0];
  if (values.length === 0) return "";
  return "```json\n" + JSON.stringify(node.outputs, null, 2) + "\n```";
}

export function runOutputText(output: unknown): string {
  if (output === undefined || output === null) return "";
  if (typeof output === "string") return output;
  return "```json\n" + JSON.stringify(output, null, 2) + "\n```";
}

/** The tail of a long stream: a node face has room for the latest words, not a whole essay. */
export function tailOf(text: string, limit = 400): string {
  return text.length > limit ? `…${text.slice(text.length - limit)}` : text;
}
