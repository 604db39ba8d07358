// The browser's copy of one run: events folded by the engine's own reducer, exposed as the canvas seam's
// RunStateSource (node faces subscribe to it) plus a snapshot for the run panel. Framework-free so it is
// testable without React.
import type { RunEvent } from "@/lib/engine/events";
import { applyRunEvent, initialRunState, type NodeRunState, type RunState, type ToolCallState } from "@/lib/engine/run-state";
import { describeError } from "./run-format";
import { ownValue } from "@/lib/plain-data";

/** What a node face shows: the seam's shape (error as words) plus the details a richer overlay can use. */
export type NodeRunView = {
  status: NodeRunState["status"];
  text: string;
  error?: string;
  toolCalls: ToolCallState[];
  durationMs?: number;
  usage?: NodeRunState["usage"];
  /** An empty or cut-off answer, as sentences. */
  warnings?: string[];
  /** A reasoning model's thinking, shown collapsed. */
  reasoning?: string;
};

export type RunSnapshot = { runId: string | null; state: RunState; events: readonly RunEvent[] };

export type RunStore = {
  get(nodeId: string): NodeRunView | undefined;
  subscribe(listener: () => void): () => void;
  getSnapshot(): RunSnapshot;
  /** Starts following another run (or none): everything shown so far is forgotten. */
  reset(runId: string | null): void;
  apply(event: RunEvent): void;
};

// The engine reports a node stopped by Stop as failed with code "cancelled"; a person sees it as cancelled.
export const shownStatus = (node: NodeRunState) => (node.status === "failed" && node.error?.code === "cancelled" ? "cancelled" : node.status);

export function toNodeRunView(node: NodeRunState): NodeRunView {
  return {
    status: shownStatus(node),
    text: node.text,
    error: node.error ? describeError(node.error) : undefined,
    toolCalls: node.toolCalls,
    durationMs: node.durationMs,
    usage: node.usage,
    ...(node.warnings?.length ? { warnings: node.warnings.map((warning) => warning.message) } : {}),
    ...(node.reasoning ? { reasoning: node.reasoning } : {}),
  };
}

export function createRunStore(): RunStore {
  let snapshot: RunSnapshot = { runId: null, state: initialRunState(), events: [] };
  const listeners = new Set<() => void>();
  // useSyncExternalStore needs the same object back while a node has not changed; the reducer keeps a
  // node's object when another node changes, so the view is cached per engine object.
  const views = new WeakMap<NodeRunState, NodeRunView>();
  const notify = () => listeners.forEach((listener) => listener());

  return {
    get(nodeId) {
      const node = ownValue(snapshot.state.nodes, nodeId);
      if (!node) return undefined;
      let view = views.get(node);
      if (!view) views.set(node, (view = toNodeRunView(node)));
      return view;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    reset(runId) {
      if (runId === snapshot.runId && runId !== null) return;
      snapshot = { runId, state: initialRunState(), events: [] };
      notify();
    },
    apply(event) {
      // A late event from a run no longer watched, or one seen already (replay after reconnect), changes nothing.
      if (event.runId !== snapshot.runId || event.seq <= snapshot.state.lastSeq) return;
      snapshot = { runId: snapshot.runId, state: applyRunEvent(snapshot.state, event), events: [...snapshot.events, event] };
      notify();
    },
  };
}
