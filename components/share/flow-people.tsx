"use client";
// The "People" part of the share dialog: give another user of this server access to the flow by email,
// as viewer (open, run, duplicate) or editor (also save); change their role or revoke it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";

type Role = "viewer" | "editor";
const roleLabels: Record<Role, string> = { viewer: "Can view and run", editor: "Can edit" };

function RoleSelect({ value, onChange, label, disabled }: { value: Role; onChange(role: Role): void; label: string; disabled?: boolean }) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as Role)}>
      {(Object.keys(roleLabels) as Role[]).map((role) => (
        <option key={role} value={role}>
          {roleLabels[role]}
        </option>
      ))}
    </select>
  );
}

export function FlowPeople({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.flowMember.list.queryOptions({ flowId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flowMember.list.queryKey({ flowId }) });
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const add = useMutation(trpc.flowMember.add.mutationOptions({ onSuccess: () => (setEmail(""), refresh()) }));
  const setMemberRole = useMutation(trpc.flowMember.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.flowMember.remove.mutationOptions({ onSuccess: refresh }));
  const error = add.error ?? setMemberRole.error ?? remove.error ?? members.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ flowId, email: email.trim(), role });
  };

  return (
    <section aria-labelledby="flow-people-title">
      <h3 id="flow-people-title">People</h3>
      <p className="muted">People with an account on this server. Their runs use their own credentials, never yours.</p>
      <form className="people-form" onSubmit={submit}>
        <input type="email" aria-label="Email" placeholder="name@example.com" value={email} onChange={(event) => setEmail(event.target.value)} required />
        <RoleSelect label="Role for the new person" value={role} onChange={setRole} />
        <button type="submit" disabled={add.isPending || email.trim() === ""}>
          Add
        </button>
      </form>
      {error && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
      {members.data?.length === 0 && <p className="muted">Only you have access.</p>}
      <ul className="share-list">
        {members.data?.map((member) => (
          <li key={member.userId} data-testid="flow-member-row">
            <span>
              {member.name} <span className="muted">{member.email}</span>
            </span>
            <RoleSelect
              label={`Role of ${member.email}`}
              value={member.role}
              disabled={setMemberRole.isPending}
              onChange={(next) => setMemberRole.mutate({ flowId, userId: member.userId, role: next })}
            />
            <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ flowId, userId: member.userId })} aria-label={`Remove ${member.email}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
