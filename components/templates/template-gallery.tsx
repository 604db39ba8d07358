"use client";
// The gallery: a search box and category chips over the template cards; each card says what the template
// needs and whether the user has it (from the names and kinds of their stored credentials, never secrets).
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { templateCategories } from "@/lib/templates/categories";
import type { OwnedCredentials } from "@/lib/templates/requirement-state";
import { categoriesIn, filterTemplates } from "@/lib/templates/search";
import { TemplateCard } from "./template-card.tsx";

export function TemplateGallery() {
  const trpc = useTRPC();
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string | undefined>(undefined);
  const templates = useQuery(trpc.template.list.queryOptions());
  const credentials = useQuery(trpc.credential.list.queryOptions());
  const use = useMutation(trpc.template.use.mutationOptions({ onSuccess: (flow) => router.push(`/flows/${flow.id}`) }));
  const owned = useMemo<OwnedCredentials | undefined>(
    () => (credentials.data ? { kinds: new Set(credentials.data.map((credential) => credential.kind)) } : undefined),
    [credentials.data],
  );

  if (templates.isPending) return <p className="muted">Loading templates…</p>;
  if (templates.isError) return <p role="alert" className="error-banner">{templates.error.message}</p>;
  const shown = filterTemplates(templates.data, { query, category });
  return (
    <>
      <div className="toolbar gallery-filters">
        <input type="search" aria-label="Search templates" placeholder="Search templates" value={query} onChange={(event) => setQuery(event.target.value)} />
        <div role="group" aria-label="Categories" className="chips">
          <button type="button" className="chip" aria-pressed={category === undefined} onClick={() => setCategory(undefined)}>
            All ({templates.data.length})
          </button>
          {categoriesIn(templates.data, templateCategories).map((chip) => (
            <button key={chip.id} type="button" className="chip" aria-pressed={category === chip.id} onClick={() => setCategory(category === chip.id ? undefined : chip.id)}>
              {chip.label} ({chip.count})
            </button>
          ))}
        </div>
      </div>
      {use.error && <p role="alert" className="error-banner">{use.error.message}</p>}
      {shown.length === 0 && <p className="muted">No template matches: try other words or another category.</p>}
      <ul className="template-grid">
        {shown.map((template) => (
          <TemplateCard key={template.id} template={template} owned={owned} isBusy={use.isPending} onUse={() => use.mutate({ id: template.id })} />
        ))}
      </ul>
    </>
  );
}
