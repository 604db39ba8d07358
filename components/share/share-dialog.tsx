"use client";
// Share links of a flow: create one (its full address is shown only now, the server keeps a hash), see
// the existing ones by their prefix, revoke any, open any for chatting (with an embed snippet); the people of this server the flow is shared with; and the
// flow as a tool for MCP clients.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { useTRPC } from "@/components/trpc-provider";
import { CreatedLink } from "./created-link";
import { ShareChatSettings } from "./share-chat-settings";
import { FlowPeople } from "./flow-people";
import { McpToolSettings } from "./mcp-tool-settings";

export function ShareDialog({ flowId, onClose }: { flowId: string; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.share.list.queryOptions({ flowId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.share.list.queryKey({ flowId }) });
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const createdUrl = created?.url ?? null;
  const create = useMutation(trpc.share.create.mutationOptions({ onSuccess: (link) => (setCreated({ id: link.id, url: link.url }), refresh()) }));
  const revoke = useMutation(trpc.share.revoke.mutationOptions({ onSuccess: refresh }));
  const setChat = useMutation(trpc.share.setChat.mutationOptions({ onSuccess: refresh }));
  const error = create.error ?? revoke.error ?? setChat.error ?? links.error;

  return (
    <Modal title="Share this flow" onClose={onClose}>
      <p className="muted">Anyone with a link sees this flow read-only, without credentials or run history, and can copy it into their own flows.</p>
      <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutate({ flowId })}>
        Create a link
      </button>
      {createdUrl && <CreatedLink url={createdUrl} />}
      {error && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
      <h3>Links</h3>
      {links.data?.length === 0 && <p className="muted">No links yet.</p>}
      <ul className="share-list">
        {links.data?.map((link) => (
          <li key={link.id} data-testid="share-link-row">
            <code>/share/{link.tokenPrefix}…</code>
            <span className="muted">created {link.createdAt.toLocaleString()}</span>
            {link.revokedAt ? (
              <span className="muted">revoked {link.revokedAt.toLocaleString()}</span>
            ) : (
              <>
                <button type="button" className="danger" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: link.id })} aria-label={`Revoke link ${link.tokenPrefix}`}>
                  Revoke
                </button>
                <ShareChatSettings
                  link={link}
                  url={created?.id === link.id ? created.url : null}
                  isSaving={setChat.isPending}
                  onToggle={(chatEnabled) => setChat.mutate({ id: link.id, chatEnabled })}
                />
              </>
            )}
          </li>
        ))}
      </ul>
      <FlowPeople flowId={flowId} />
      <McpToolSettings flowId={flowId} />
    </Modal>
  );
}
