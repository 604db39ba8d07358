// The browser's copy of one run: events folded by the engine's own reducer, read per node as a NodeRunView
// (node faces and the run panel subscribe to it) plus a snapshot for the run panel. Framework-free so it is
// testable without React.
import type { RunEvent } from "@/lib/engine/events";
import { applyRunEvent, initialRunState, type NodeRunState, type RunState } from "@/lib/engine/run-state";
import { toNodeRunView, type NodeRunView } from "./node-run-view";
import { ownValue } from "@/lib/plain-data";

export type RunSnapshot = { runId: string | null; state: RunState; events: readonly RunEvent[] };

export type RunStore = {
  /** The node's view, the same object until that node changes; undefined before the node is known. */
  get(nodeId: string): NodeRunView | undefined;
  subscribe(listener: () => void): () => void;
  getSnapshot(): RunSnapshot;
  /** Starts following another run (or none): everything shown so far is forgotten. */
  reset(runId: string | null): void;
  apply(event: RunEvent): void;
};

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
