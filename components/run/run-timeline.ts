// The timeline keeps one line per happening: a node's streamed chunks are folded into one line, or a
// chatty model would bury everything else.
import type { RunEvent } from "@/lib/engine/events";
import { describeEvent } from "./run-format";

export type TimelineEntry = { seq: number; at: string; type: RunEvent["type"]; nodeId?: string; text: string; chunks: number };

const nodeIdOf = (event: RunEvent) => ("nodeId" in event ? event.nodeId : undefined);

export function timelineEntries(events: readonly RunEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    const last = entries.at(-1);
    if (event.type === "node.delta" && last?.type === "node.delta" && last.nodeId === event.nodeId) {
      entries[entries.length - 1] = { ...last, chunks: last.chunks + 1, text: `${event.nodeId} streamed ${last.chunks + 1} chunks` };
      continue;
    }
    entries.push({ seq: event.seq, at: event.at, type: event.type, nodeId: nodeIdOf(event), text: describeEvent(event), chunks: 1 });
  }
  return entries;
}

export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toISOString().slice(11, 23);
}
