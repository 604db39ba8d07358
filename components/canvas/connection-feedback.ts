// Turns the end of a refused drag (xyflow's final connection state) into the request it would have been,
// so the canvas can say why it was refused.
import type { ConnectionRequest } from "@/components/editor-state/connection-rules";

type HandleEnd = { nodeId: string; id?: string | null; type: "source" | "target" } | null;

export function requestFromDrag(from: HandleEnd, to: HandleEnd): ConnectionRequest | null {
  if (!from || !to) return null;
  // Dragging from an input backwards to an output is the same connection, read the other way round.
  const [source, target] = from.type === "source" ? [from, to] : [to, from];
  return { source: source.nodeId, sourceHandle: source.id ?? null, target: target.nodeId, targetHandle: target.id ?? null };
}
