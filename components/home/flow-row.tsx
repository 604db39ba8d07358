"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { TemplatePreview } from "@/components/templates/template-preview";
import { useTRPC } from "@/components/trpc-provider";
import { formatRelativeTime } from "@/lib/format-time";
import type { GraphPreview } from "@/lib/templates";
import { LastRunBadge } from "./last-run-badge.tsx";
import type { LastRunSummary } from "./last-run.ts";

/** `access` and `owner` tell a flow shared with the person from their own; `lastRun` is the latest run they may read. */
type FlowSummary = {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  access: "owner" | "editor" | "viewer";
  owner: { name: string };
  preview: GraphPreview;
  lastRun: LastRunSummary | null;
};

/** A flow's card on the home page: a miniature of its graph, its name, its last run, and what can be done with it. */
export function FlowRow({ flow }: { flow: FlowSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isRenaming, setIsRenaming] = useState(false);
  const [draftName, setDraftName] = useState(flow.name);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flow.list.pathKey() });
  const rename = useMutation(trpc.flow.rename.mutationOptions({ onSuccess: () => (setIsRenaming(false), refresh()) }));
  const duplicate = useMutation(trpc.flow.duplicate.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.flow.delete.mutationOptions({ onSuccess: refresh }));
  const error = rename.error ?? duplicate.error ?? remove.error;

  return (
    <li className="flow-row flow-card" data-testid="flow-row" data-flow-id={flow.id}>
      <Link href={`/flows/${flow.id}`} className="flow-card-preview" tabIndex={-1} aria-hidden="true">
        <TemplatePreview preview={flow.preview} />
      </Link>
      {isRenaming ? (
        <form
          className="toolbar"
          style={{ flex: 1 }}
          onSubmit={(event) => (event.preventDefault(), rename.mutate({ id: flow.id, name: draftName }))}
        >
          <input aria-label="Flow name" value={draftName} onChange={(event) => setDraftName(event.target.value)} autoFocus />
          <button type="submit">Save</button>
          <button type="button" onClick={() => (setIsRenaming(false), setDraftName(flow.name))}>
            Cancel
          </button>
        </form>
      ) : (
        <Link href={`/flows/${flow.id}`} className="flow-card-name">
          {flow.name}
        </Link>
      )}
      {flow.access !== "owner" && (
        <span className="muted" data-testid="flow-shared-by">
          shared by {flow.owner.name} ({flow.access === "editor" ? "can edit" : "view only"})
        </span>
      )}
      <p className="flow-card-meta">
        <LastRunBadge run={flow.lastRun} />
        <time className="muted" dateTime={flow.updatedAt.toISOString()} title={flow.updatedAt.toLocaleString()}>
          updated {formatRelativeTime(flow.updatedAt)}
        </time>
      </p>
      <div className="toolbar flow-card-actions">
        {!isRenaming && flow.access !== "viewer" && (
          <button type="button" onClick={() => setIsRenaming(true)} aria-label={`Rename ${flow.name}`}>
            Rename
          </button>
        )}
        <button type="button" onClick={() => duplicate.mutate({ id: flow.id })} aria-label={`Duplicate ${flow.name}`}>
          Duplicate
        </button>
        {flow.access === "owner" && (
          <button
            type="button"
            className="danger"
            aria-label={`Delete ${flow.name}`}
            onClick={() => window.confirm(`Delete "${flow.name}"? This cannot be undone.`) && remove.mutate({ id: flow.id })}
          >
            Delete
          </button>
        )}
      </div>
      {error && (
        <span role="alert" className="field-error">
          {error.message}
        </span>
      )}
    </li>
  );
}
