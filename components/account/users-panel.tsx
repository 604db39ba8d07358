"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { DangerButton, ErrorAlert, ResourceList, ResourcePanel, RowName, useRefresh } from "@/components/ui/resource-panel";
import { formatRelativeTime } from "@/lib/format-time";

/** Every account, with a button to disable or re-enable it (not your own). */
export function UsersPanel({ selfId }: { selfId: string }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.listUsers.queryOptions());
  const refresh = useRefresh(trpc.admin.listUsers.queryKey());
  const setDisabled = useMutation(trpc.admin.setUserDisabled.mutationOptions({ onSuccess: refresh }));

  return (
    <ResourcePanel id="users" title="Users">
      <ErrorAlert error={users.error} isBanner />
      <ErrorAlert error={setDisabled.error} />
      <ResourceList items={users.data} rowTestId="user-row">
        {(user) => (
          <>
            <RowName>{user.email}</RowName>
            <span className="muted">{user.role}</span>
            <span className="muted">joined {formatRelativeTime(user.createdAt)}</span>
            {user.disabled && <span className="muted">disabled</span>}
            {user.id !== selfId &&
              (user.disabled ? (
                <button type="button" onClick={() => setDisabled.mutate({ userId: user.id, disabled: false })}>
                  Enable
                </button>
              ) : (
                <DangerButton
                  label="Disable"
                  confirmText={`Disable ${user.email}? They are signed out at once and their API keys stop working.`}
                  onConfirm={() => setDisabled.mutate({ userId: user.id, disabled: true })}
                />
              ))}
          </>
        )}
      </ResourceList>
    </ResourcePanel>
  );
}
