"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { formatRelativeTime } from "@/lib/format-time";

/** Every account, with a button to disable or re-enable it (not your own). */
export function UsersPanel({ selfId }: { selfId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.listUsers.queryOptions());
  const setDisabled = useMutation(
    trpc.admin.setUserDisabled.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.listUsers.queryKey() }) }),
  );

  return (
    <section aria-labelledby="users-heading" className="settings-section">
      <h2 id="users-heading">Users</h2>
      {users.isError && <p role="alert" className="error-banner">{users.error.message}</p>}
      {setDisabled.error && <p role="alert" className="field-error">{setDisabled.error.message}</p>}
      <ul className="flow-list">
        {users.data?.map((user) => (
          <li key={user.id} className="flow-row" data-testid="user-row">
            <strong style={{ flex: 1 }}>{user.email}</strong>
            <span className="muted">{user.role}</span>
            <span className="muted">joined {formatRelativeTime(user.createdAt)}</span>
            {user.disabled && <span className="muted">disabled</span>}
            {user.id !== selfId &&
              (user.disabled ? (
                <button type="button" onClick={() => setDisabled.mutate({ userId: user.id, disabled: false })}>
                  Enable
                </button>
              ) : (
                <button
                  type="button"
                  className="danger"
                  onClick={() => window.confirm(`Disable ${user.email}? They are signed out at once and their API keys stop working.`) && setDisabled.mutate({ userId: user.id, disabled: true })}
                >
                  Disable
                </button>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
