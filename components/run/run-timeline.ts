// The timeline keeps one line per happening: a node's streamed chunks are folded into one line (also when
// other nodes stream between them, as delegated agents and parallel branches do), or a chatty model would
// bury everything else. A tool's answer reads as a summary, its raw JSON kept apart to be folded away.
import type { RunEvent } from "@/lib/engine/events";
import { describeEvent, type NodeLabeler } from "./run-format";
import { summarizeToolResult } from "./tool-result-summary";

/** One line: `text` names nodes by label; `chunks` counts the streamed pieces folded into it; `raw` is a tool answer's JSON. */
export type TimelineEntry = { seq: number; at: string; type: RunEvent["type"]; nodeId?: string; text: string; chunks: number; raw?: string };

type StreamEvent = Extract<RunEvent, { type: "node.delta" | "node.reasoning" }>;

const nodeIdOf = (event: RunEvent) => ("nodeId" in event ? event.nodeId : undefined);
const isStream = (event: RunEvent): event is StreamEvent => event.type === "node.delta" || event.type === "node.reasoning";
const PREVIEW_LENGTH = 80;

function streamedText(label: string, event: StreamEvent, chunks: number, text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const preview = flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
  const what = event.type === "node.reasoning" ? "reasoned" : "streamed";
  return `${label} ${what} ${chunks} chunks: ${preview}`;
}

/**
 * The run's events as timeline lines, nodes named through `labelOf` (default: their ids). A node's chunks
 * join its open line until that node reports anything else; other nodes' events do not break it.
 */
export function timelineEntries(events: readonly RunEvent[], labelOf?: NodeLabeler): TimelineEntry[] {
  const label = labelOf ?? ((nodeId: string) => nodeId);
  const entries: TimelineEntry[] = [];
  // The line each node is streaming into, by node and stream kind, with its text so far.
  const open = new Map<string, { index: number; text: string }>();
  for (const event of events) {
    const nodeId = nodeIdOf(event);
    if (isStream(event)) {
      const key = `${event.type}\u0000${event.nodeId}`;
      const line = open.get(key);
      if (line) {
        const entry = entries[line.index]!;
        line.text += event.text;
        entries[line.index] = { ...entry, chunks: entry.chunks + 1, text: streamedText(label(event.nodeId), event, entry.chunks + 1, line.text) };
        continue;
      }
      open.set(key, { index: entries.length, text: event.text });
    } else if (nodeId === undefined) {
      open.clear();
    } else {
      open.delete(`node.delta\u0000${nodeId}`);
      open.delete(`node.reasoning\u0000${nodeId}`);
    }
    entries.push(entryOf(event, nodeId, label));
  }
  return entries;
}

function entryOf(event: RunEvent, nodeId: string | undefined, labelOf: NodeLabeler): TimelineEntry {
  const entry: TimelineEntry = { seq: event.seq, at: event.at, type: event.type, nodeId, text: describeEvent(event, labelOf), chunks: 1 };
  if (event.type !== "node.tool_result") return entry;
  const { summary, raw } = summarizeToolResult(event.result);
  return { ...entry, text: `${event.name} ${event.isError ? "failed" : "answered"}: ${summary}`, ...(raw ? { raw } : {}) };
}

export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toISOString().slice(11, 23);
}
