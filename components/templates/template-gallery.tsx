"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";
import { TemplatePreview } from "./template-preview.tsx";

const patternLabels: Record<string, string> = {
  SEQUENTIAL: "Sequential",
  PARALLEL: "Parallel",
  HIERARCHICAL: "Hierarchical",
  SUPERVISOR: "Supervisor",
};

export function TemplateGallery() {
  const trpc = useTRPC();
  const router = useRouter();
  const templates = useQuery(trpc.template.list.queryOptions());
  const use = useMutation(trpc.template.use.mutationOptions({ onSuccess: (flow) => router.push(`/flows/${flow.id}`) }));

  if (templates.isPending) return <p className="muted">Loading templates…</p>;
  if (templates.isError) return <p role="alert" className="error-banner">{templates.error.message}</p>;
  return (
    <>
      {use.error && <p role="alert" className="error-banner">{use.error.message}</p>}
      <ul className="template-grid">
        {templates.data.map((template) => (
          <li key={template.id} className="template-card" data-testid="template-card">
            <TemplatePreview preview={template.preview} />
            <h2>{template.name}</h2>
            <p className="template-pattern">{patternLabels[template.pattern] ?? template.pattern}</p>
            <p className="muted">{template.description}</p>
            <p className="template-credentials">
              {template.credentials.length === 0
                ? "Needs no credentials."
                : template.credentials.map((credential) => `${credential.kind}${credential.optional ? " (optional)" : ""}: ${credential.reason}`).join(" · ")}
            </p>
            <button type="button" className="primary" disabled={use.isPending} onClick={() => use.mutate({ id: template.id })} aria-label={`Use template ${template.name}`}>
              Use template
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
