"use client";
// Autosave: shortly after each document change the graph is saved with the version it was based on.
// If the flow changed elsewhere meanwhile the server answers CONFLICT, saving stops, and the person
// chooses: reload theirs (replace the canvas) or keep mine (save over it; theirs stays in the version
// history). Nothing is overwritten or dropped without that choice. A flow opened view-only (shared with the
// person as a viewer) is never saved: edits stay on the canvas until they duplicate it. Leaving the page in the
// app saves what is pending; closing or reloading the tab while a save is pending asks first.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/components/trpc-provider";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { useEditor, useEditorStore } from "@/components/editor-state/editor-context";
import { toFlowGraph } from "@/components/editor-state/graph-mapping";
import { errorCodeOf, errorMessageOf } from "@/components/ui/trpc-errors";

export type SaveStatus = "saved" | "pending" | "saving" | "error" | "conflict";

export type Autosave = {
  status: SaveStatus;
  error: string | null;
  version: number;
  saveNow(): void;
  /** Saves what is pending now; resolves with why the canvas is not saved, or null once it is. */
  flush(): Promise<string | null>;
  reloadTheirs(): Promise<void>;
  keepMine(): Promise<void>;
  /** Takes a document the server already holds (a restored version) as the new saved state. */
  adopt(flow: { graph: FlowGraph; version: number }): void;
};

/** `isReadOnly`: the person may not save this flow (a viewer); nothing is sent and the status stays "saved". */
export function useAutosave(flowId: string, initialVersion: number, { delayMs = 600, isReadOnly = false }: { delayMs?: number; isReadOnly?: boolean } = {}): Autosave {
  const store = useEditorStore();
  const client = useTRPCClient();
  const revision = useEditor((state) => state.revision);
  const [status, setStatusState] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(initialVersion);
  const refs = useRef({ status: "saved" as SaveStatus, version: initialVersion, savedRevision: store.getState().revision, isSaving: false, lastError: "" });
  const setStatus = useCallback((next: SaveStatus) => ((refs.current.status = next), setStatusState(next)), []);
  const setSavedVersion = useCallback((next: number) => ((refs.current.version = next), setVersion(next)), []);

  const save = useCallback(async () => {
    const current = refs.current;
    if (isReadOnly || current.isSaving || current.status === "conflict") return;
    const { revision: savingRevision, nodes, edges } = store.getState();
    if (savingRevision === current.savedRevision) return setStatus("saved");
    current.isSaving = true;
    setStatus("saving");
    try {
      const flow = await client.flow.update.mutate({ id: flowId, version: current.version, graph: toFlowGraph(nodes, edges) });
      setSavedVersion(flow.version);
      current.savedRevision = savingRevision;
      setError(null);
      setStatus(store.getState().revision === savingRevision ? "saved" : "pending");
    } catch (cause) {
      current.lastError = errorMessageOf(cause);
      setError(current.lastError);
      setStatus(errorCodeOf(cause) === "CONFLICT" ? "conflict" : "error");
    } finally {
      current.isSaving = false;
    }
  }, [client, flowId, isReadOnly, store, setStatus, setSavedVersion]);

  // A change marks the document pending unless a save or a conflict is already in charge of it.
  useEffect(() => {
    const current = refs.current;
    if (isReadOnly) return;
    if (revision !== current.savedRevision && (current.status === "saved" || current.status === "error")) setStatus("pending");
  }, [isReadOnly, revision, setStatus]);

  // Debounce: each change while pending restarts the wait.
  useEffect(() => {
    if (status !== "pending") return;
    const timer = setTimeout(() => void save(), delayMs);
    return () => clearTimeout(timer);
  }, [status, revision, save, delayMs]);

  useWarnBeforeLeaving(status !== "saved");

  const adopt = useCallback(
    (flow: { graph: FlowGraph; version: number }) => {
      store.getState().replaceDocument(flow.graph);
      refs.current.savedRevision = store.getState().revision;
      setSavedVersion(flow.version);
      setError(null);
      setStatus("saved");
    },
    [store, setStatus, setSavedVersion],
  );

  const reloadTheirs = useCallback(async () => adopt(await client.flow.get.query({ id: flowId })), [adopt, client, flowId]);

  const keepMine = useCallback(async () => {
    const theirs = await client.flow.get.query({ id: flowId });
    setSavedVersion(theirs.version);
    refs.current.savedRevision = -1;
    setStatus("pending");
  }, [client, flowId, setStatus, setSavedVersion]);

  const flush = useCallback(async (): Promise<string | null> => {
    const current = refs.current;
    if (isReadOnly) {
      return store.getState().revision === current.savedRevision ? null : "This flow is view-only, so your changes are not saved and cannot run: duplicate it to run them.";
    }
    // A save in flight, or edits made while it ran, are saved too; a few rounds cover a person still typing.
    for (let round = 0; round < 5; round += 1) {
      while (current.isSaving) await new Promise((resolve) => setTimeout(resolve, 25));
      if (current.status === "conflict") return "The flow changed elsewhere: choose Reload theirs or Keep mine before running.";
      if (store.getState().revision === current.savedRevision) return null;
      await save();
      if (current.status === "error") return `The flow could not be saved, so it was not run: ${current.lastError}`;
    }
    return "The flow is still changing; run it again in a moment.";
  }, [isReadOnly, save, store]);

  useFlushOnLeave(flush);

  return { status, error, version, saveNow: () => void save(), flush, reloadTheirs, keepMine, adopt };
}

/**
 * Leaving the page in the app (a link, Back) unmounts the editor before the debounce fires, which used to drop
 * the last edit: what is pending is saved then. The client outlives the page, so the request still completes.
 */
function useFlushOnLeave(flush: () => Promise<string | null>) {
  const latest = useRef(flush);
  useEffect(() => {
    latest.current = flush;
  }, [flush]);
  useEffect(() => () => void latest.current(), []);
}

function useWarnBeforeLeaving(hasUnsavedChanges: boolean) {
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsavedChanges]);
}
