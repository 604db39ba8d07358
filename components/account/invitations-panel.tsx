"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { DangerButton, ErrorAlert, ResourceList, ResourcePanel, RowName, ShownOnce, useRefresh } from "@/components/ui/resource-panel";
import { formatRelativeTime } from "@/lib/format-time";

/** Invite by email: the sign-up link is shown once, to copy and send; pending invitations can be revoked. */
export function InvitationsPanel() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const invitations = useQuery(trpc.admin.listInvitations.queryOptions());
  const refresh = useRefresh(trpc.admin.listInvitations.queryKey());
  const create = useMutation(trpc.admin.createInvitation.mutationOptions({ onSuccess: () => (setEmail(""), refresh()) }));
  const revoke = useMutation(trpc.admin.revokeInvitation.mutationOptions({ onSuccess: refresh }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ email });
  };

  return (
    <ResourcePanel id="invitations" title="Invitations">
      <form className="toolbar" onSubmit={submit}>
        <label htmlFor="invite-email">Email</label>
        <input id="invite-email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} placeholder="name@example.com" />
        <button type="submit" className="primary" disabled={create.isPending}>
          Invite
        </button>
      </form>
      <ErrorAlert error={create.error} />
      {create.data && (
        <ShownOnce testId="invitation-link">
          Send this link to {create.data.invitation.email}; it will not be shown again: <code>{create.data.link}</code>
        </ShownOnce>
      )}
      <ErrorAlert error={invitations.error} isBanner />
      <ResourceList items={invitations.data} rowTestId="invitation-row">
        {(invitation) => (
          <>
            <RowName>{invitation.email}</RowName>
            <span className="muted">{invitation.status}</span>
            <span className="muted">sent {formatRelativeTime(invitation.createdAt)}</span>
            {invitation.status === "pending" && <DangerButton label="Revoke" onConfirm={() => revoke.mutate({ id: invitation.id })} />}
          </>
        )}
      </ResourceList>
    </ResourcePanel>
  );
}
