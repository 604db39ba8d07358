"use client";
// Earlier versions of the flow: preview one read-only, or restore it (which saves it as a new version); a
// viewer previews only.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc-provider";
import { Modal } from "@/components/ui/modal";
import { ReadOnlyFlow } from "./read-only-flow";
import { errorMessageOf } from "@/components/ui/trpc-errors";
import type { Autosave } from "./use-autosave";

/** `access`: the person's relation to the flow; a viewer may preview earlier versions but not restore one. */
type Props = { flowId: string; access: "owner" | "editor" | "viewer"; autosave: Autosave; onClose(): void };

export function VersionPanel({ flowId, access, autosave, onClose }: Props) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.flow.versions.queryOptions({ id: flowId }));
  const refetchVersions = versions.refetch;
  // Each save adds the version it replaced: refresh the list when the current version moves on.
  useEffect(() => void refetchVersions(), [autosave.version, refetchVersions]);
  const [previewVersion, setPreviewVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayRestore = access !== "viewer";
  const canRestore = mayRestore && autosave.status === "saved";

  async function restore(version: number) {
    setError(null);
    try {
      const flow = await client.flow.restoreVersion.mutate({ id: flowId, version, expectedVersion: autosave.version });
      autosave.adopt(flow);
      setPreviewVersion(null);
      await queryClient.invalidateQueries({ queryKey: trpc.flow.versions.pathKey() });
    } catch (cause) {
      setError(errorMessageOf(cause));
    }
  }

  return (
    <aside className="inspector version-panel" aria-label="Version history">
      <header className="panel-header">
        <h2>Version history</h2>
        <button type="button" onClick={onClose} aria-label="Close version history">
          ×
        </button>
      </header>
      <p className="muted">Current: version {autosave.version}.</p>
      {mayRestore && !canRestore && <p className="muted">Restoring is possible once your changes are saved.</p>}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {versions.isPending && <p className="muted">Loading versions…</p>}
      {versions.data?.length === 0 && <p className="muted">No earlier versions yet: each save keeps the previous one here.</p>}
      <ol className="version-list">
        {versions.data?.map((entry) => (
          <li key={entry.version} data-testid="version-row">
            <span>
              Version {entry.version}
              <time className="muted" dateTime={entry.createdAt.toISOString()}>
                {" "}
                · {entry.createdAt.toLocaleString()}
              </time>
            </span>
            <span className="toolbar">
              <button type="button" onClick={() => setPreviewVersion(entry.version)} aria-label={`Preview version ${entry.version}`}>
                Preview
              </button>
              {mayRestore && (
                <button type="button" disabled={!canRestore} onClick={() => void restore(entry.version)} aria-label={`Restore version ${entry.version}`}>
                  Restore
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
      {previewVersion !== null && (
        <VersionPreview flowId={flowId} version={previewVersion} mayRestore={mayRestore} canRestore={canRestore} onRestore={() => void restore(previewVersion)} onClose={() => setPreviewVersion(null)} />
      )}
    </aside>
  );
}

type PreviewProps = { flowId: string; version: number; mayRestore: boolean; canRestore: boolean; onRestore(): void; onClose(): void };

function VersionPreview({ flowId, version, mayRestore, canRestore, onRestore, onClose }: PreviewProps) {
  const trpc = useTRPC();
  const snapshot = useQuery(trpc.flow.getVersion.queryOptions({ id: flowId, version }));
  return (
    <Modal title={`Version ${version} (read-only preview)`} onClose={onClose} wide>
      {snapshot.isPending && <p className="muted">Loading…</p>}
      {snapshot.isError && <p role="alert" className="field-error">{snapshot.error.message}</p>}
      {snapshot.data && <ReadOnlyFlow graph={snapshot.data.graph} />}
      <footer className="toolbar modal-footer">
        {mayRestore && (
          <button type="button" className="primary" disabled={!canRestore} onClick={onRestore}>
            Restore this version
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </footer>
    </Modal>
  );
}
