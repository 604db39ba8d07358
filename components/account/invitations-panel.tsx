"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { formatRelativeTime } from "@/lib/format-time";

/** Invite by email: the sign-up link is shown once, to copy and send; pending invitations can be revoked. */
export function InvitationsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const invitations = useQuery(trpc.admin.listInvitations.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.listInvitations.queryKey() });
  const create = useMutation(trpc.admin.createInvitation.mutationOptions({ onSuccess: () => (setEmail(""), refresh()) }));
  const revoke = useMutation(trpc.admin.revokeInvitation.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ email });
  };

  return (
    <section aria-labelledby="invitations-heading" className="settings-section">
      <h2 id="invitations-heading">Invitations</h2>
      <form className="toolbar" onSubmit={submit}>
        <label htmlFor="invite-email">Email</label>
        <input id="invite-email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} placeholder="name@example.com" />
        <button type="submit" className="primary" disabled={create.isPending}>
          Invite
        </button>
      </form>
      {create.error && <p role="alert" className="field-error">{create.error.message}</p>}
      {create.data && (
        <div className="notice" role="status" data-testid="invitation-link">
          Send this link to {create.data.invitation.email}; it will not be shown again: <code>{create.data.link}</code>
        </div>
      )}
      {invitations.isError && <p role="alert" className="error-banner">{invitations.error.message}</p>}
      <ul className="flow-list">
        {invitations.data?.map((invitation) => (
          <li key={invitation.id} className="flow-row" data-testid="invitation-row">
            <strong style={{ flex: 1 }}>{invitation.email}</strong>
            <span className="muted">{invitation.status}</span>
            <span className="muted">sent {formatRelativeTime(invitation.createdAt)}</span>
            {invitation.status === "pending" && (
              <button type="button" className="danger" onClick={() => revoke.mutate({ id: invitation.id })}>
                Revoke
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
