"use client";
// The playground beside the canvas: it chats with the flow as drawn, saving pending edits before each message.
import { useMemo } from "react";
import { useEditor } from "@/components/editor-state/editor-context";
import { Playground } from "./playground";
import type { BeforeSend } from "./use-playground";

export function EditorPlayground({ flowId, beforeSend, onClose }: { flowId: string; beforeSend: BeforeSend; onClose: () => void }) {
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const graph = useMemo(() => ({ nodes, edges }), [nodes, edges]);
  return <Playground flowId={flowId} graph={graph} beforeSend={beforeSend} onClose={onClose} />;
}
