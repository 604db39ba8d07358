"use client";
// The pieces every settings and admin panel is made of (a titled section, a list of rows each with a
// danger action, a secret shown once, a failure line), so that the panels differ only in their fields.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** A titled settings section; `id` names its heading (`<id>-heading`), which labels the section. */
export function ResourcePanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="settings-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** A failed request's message as an alert: a field error under a form, or a banner for a list that failed to load. */
export function ErrorAlert({ error, isBanner = false }: { error: { message: string } | null | undefined; isBanner?: boolean }) {
  if (!error) return null;
  return (
    <p role="alert" className={isBanner ? "error-banner" : "field-error"}>
      {error.message}
    </p>
  );
}

/** A secret (a key, an invitation link) shown once right after it is made. */
export function ShownOnce({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div className="notice" role="status" data-testid={testId}>
      {children}
    </div>
  );
}

/** One row per item, each carrying `rowTestId`; the row's first part is usually a `RowName`. */
export function ResourceList<Item extends { id: string }>({
  items,
  rowTestId,
  children,
}: {
  items: readonly Item[] | undefined;
  rowTestId: string;
  children: (item: Item) => ReactNode;
}) {
  return (
    <ul className="flow-list">
      {items?.map((item) => (
        <li key={item.id} className="flow-row" data-testid={rowTestId}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

/** The row's name, taking the room the other parts leave. */
export const RowName = ({ children }: { children: ReactNode }) => <strong style={{ flex: 1 }}>{children}</strong>;

/** A destructive row action; with `confirmText` it asks first and does nothing unless the person agrees. */
export function DangerButton({ label, confirmText, onConfirm }: { label: string; confirmText?: string; onConfirm(): void }) {
  const onClick = () => (confirmText === undefined || window.confirm(confirmText)) && onConfirm();
  return (
    <button type="button" className="danger" onClick={onClick}>
      {label}
    </button>
  );
}

/** A callback that marks the queries under `queryKey` stale, so the list reloads after a change. */
export function useRefresh(queryKey: QueryKey): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey });
}
