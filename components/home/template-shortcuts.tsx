"use client";
// "Start from a template" on the home page: the first few gallery templates, each one click from a new flow,
// and a way to the whole gallery.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { TemplatePreview } from "@/components/templates/template-preview";
import { useTRPC } from "@/components/trpc-provider";

const SHOWN = 4;

export function TemplateShortcuts() {
  const trpc = useTRPC();
  const router = useRouter();
  const templates = useQuery(trpc.template.list.queryOptions());
  const use = useMutation(trpc.template.use.mutationOptions({ onSuccess: (flow) => router.push(`/flows/${flow.id}`) }));
  if (templates.isError) return null; // the gallery page says why; the home page still lists the flows

  return (
    <section aria-labelledby="start-from-template" className="template-shortcuts">
      <div className="toolbar">
        <h2 id="start-from-template">Start from a template</h2>
        <Link href="/templates">Browse all {templates.data ? templates.data.length : ""} templates →</Link>
      </div>
      {use.error && <p role="alert" className="error-banner">{use.error.message}</p>}
      <ul className="template-shortcut-list">
        {templates.data?.slice(0, SHOWN).map((template) => (
          <li key={template.id} className="template-shortcut" data-testid="home-template">
            <button type="button" disabled={use.isPending} onClick={() => use.mutate({ id: template.id })} aria-label={`Start from ${template.name}`}>
              <TemplatePreview preview={template.preview} />
              <span>{template.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
