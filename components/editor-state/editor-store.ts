// The editor's state: canvas content, undo history, clipboard, diagnostics. One store per open flow,
// created by EditorProvider; components read slices of it through selector hooks so that a change to one
// node re-renders that node only. `revision` counts document changes (what autosave and diagnostics
// follow); `loads` counts whole-document replacements (open, reload, restore).
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import type { PlanSummary } from "@/lib/flow/plan-summary";
import { copySelection, makeNodeId, shiftClipboard, type ClipboardContent } from "./clipboard";
import { emptyDiagnostics, type DiagnosticsIndex } from "./diagnostics-index";
import type { GraphAnalysis } from "./graph-analysis";
import * as edits from "./graph-edits";
import { toCanvas, type CanvasEdge, type CanvasNode } from "./graph-mapping";
import { emptyHistory, recordChange, redo, undo, type History } from "./history";

type Content = edits.CanvasContent;
type Position = { x: number; y: number };

export type EditorState = Content & {
  readOnly: boolean;
  history: History<Content>;
  revision: number;
  loads: number;
  clipboard: ClipboardContent | null;
  notice: { text: string; at: number } | null;
  diagnostics: DiagnosticsIndex;
  plan: PlanSummary | null;
};

export type EditorActions = {
  onNodesChange(changes: NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void;
  addNode(type: string, position: Position): void;
  connect(request: Parameters<typeof edits.connectNodes>[1]): void;
  setConfigField(nodeId: string, field: string, value: unknown): void;
  setNodeLabel(nodeId: string, label: string): void;
  deleteSelected(): void;
  selectAll(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  undo(): void;
  redo(): void;
  replaceDocument(graph: FlowGraph): void;
  setNotice(text: string | null): void;
  setAnalysis(diagnostics: DiagnosticsIndex, plan: PlanSummary | null): void;
};

export type EditorStoreState = EditorState & EditorActions;
export type EditorStore = StoreApi<EditorStoreState>;

const PASTE_OFFSET = { x: 40, y: 40 };

/** `analysis`: the compiler's findings and plan for `graph`, if known; without, the store starts with none. */
export function createEditorStore(graph: FlowGraph, { readOnly = false, analysis }: { readOnly?: boolean; analysis?: GraphAnalysis } = {}): EditorStore {
  return createStore<EditorStoreState>()((set, get) => {
    const content = (): Content => ({ nodes: get().nodes, edges: get().edges });
    /** Applies a document edit as one undo step; `key` folds repeated edits of one field together. */
    const commit = (next: Content, key?: string) => {
      if (get().readOnly) return;
      const state = get();
      set({ ...next, history: recordChange(state.history, content(), { key }), revision: state.revision + 1 });
    };
    let isDragging = false;

    return {
      ...toCanvas(graph),
      readOnly,
      history: emptyHistory(),
      revision: 0,
      loads: 0,
      clipboard: null,
      notice: null,
      diagnostics: analysis?.diagnostics ?? emptyDiagnostics,
      plan: analysis?.plan ?? null,

      onNodesChange(allChanges) {
        // A read-only canvas still measures and selects nodes; it never moves or removes them.
        const changes = readOnly ? allChanges.filter((change) => change.type === "select" || change.type === "dimensions") : allChanges;
        const moves = changes.filter((change) => change.type === "position");
        const isStructural = changes.some((change) => change.type === "remove" || change.type === "add" || change.type === "replace");
        const isDragMove = moves.some((change) => change.type === "position" && change.dragging);
        const isMoveEnd = moves.length > 0 && !isDragMove;
        // A drag is one undo step: remember the content when it starts, count a revision when it ends.
        // Arrow-key moves arrive without `dragging` and are a step each (folded when quick).
        if (isStructural || (moves.length > 0 && !isDragging)) {
          set({ history: recordChange(get().history, content(), { key: isMoveEnd ? "keyboard-move" : undefined }) });
        }
        if (isDragMove) isDragging = true;
        const nodes = applyNodeChanges(changes, get().nodes);
        const isDocumentChange = isStructural || isMoveEnd;
        if (isMoveEnd) isDragging = false;
        set(isDocumentChange ? { nodes, revision: get().revision + 1 } : { nodes });
      },
      onEdgesChange(changes) {
        const isDocumentChange = changes.some((change) => change.type !== "select");
        if (readOnly && isDocumentChange) return;
        if (isDocumentChange) commit({ nodes: get().nodes, edges: applyEdgeChanges(changes, get().edges) });
        else set({ edges: applyEdgeChanges(changes, get().edges) });
      },
      addNode: (type, position) => commit(edits.addNodeOfKind(content(), type, position, makeNodeId)),
      connect(request) {
        const outcome = edits.connectNodes(content(), request, makeNodeId);
        if (outcome.refusal) return get().setNotice(`Connection refused: ${outcome.refusal}`);
        commit(outcome.content);
      },
      setConfigField: (nodeId, field, value) => commit(edits.setConfigField(content(), nodeId, field, value), `config:${nodeId}:${field}`),
      setNodeLabel: (nodeId, label) => commit(edits.setNodeLabel(content(), nodeId, label), `label:${nodeId}`),
      deleteSelected: () => edits.hasSelection(content()) && commit(edits.deleteSelection(content())),
      selectAll: () => set(edits.selectAll(content())),
      copy: () => set({ clipboard: copySelection(get().nodes, get().edges) ?? get().clipboard }),
      paste() {
        const clipboard = get().clipboard;
        if (!clipboard) return;
        commit(edits.pasteInto(content(), clipboard, PASTE_OFFSET, makeNodeId));
        // Pasting again cascades down and right instead of stacking every copy in one place.
        set({ clipboard: shiftClipboard(clipboard, PASTE_OFFSET) });
      },
      duplicate() {
        const copied = copySelection(get().nodes, get().edges);
        if (copied) commit(edits.pasteInto(content(), copied, PASTE_OFFSET, makeNodeId));
      },
      undo() {
        const step = readOnly ? null : undo(get().history, content());
        if (step) set({ ...step.present, history: step.history, revision: get().revision + 1 });
      },
      redo() {
        const step = readOnly ? null : redo(get().history, content());
        if (step) set({ ...step.present, history: step.history, revision: get().revision + 1 });
      },
      replaceDocument: (next) => set({ ...toCanvas(next), history: emptyHistory(), loads: get().loads + 1 }),
      setNotice: (text) => set({ notice: text === null ? null : { text, at: Date.now() } }),
      setAnalysis: (diagnostics, plan) => set({ diagnostics, plan }),
    };
  });
}
