"use client";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { FlowRow } from "./flow-row.tsx";

export function FlowList() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const flows = useQuery(trpc.flow.list.queryOptions(deferredSearch ? { search: deferredSearch } : undefined));

  return (
    <section aria-label="Your flows">
      <input type="search" aria-label="Search flows" placeholder="Search flows" value={search} onChange={(event) => setSearch(event.target.value)} />
      {flows.isError && (
        <p role="alert" className="error-banner">
          Could not load your flows: {flows.error.message}
        </p>
      )}
      {flows.isPending && <p className="muted">Loading flows…</p>}
      {flows.data?.length === 0 && <p className="muted">{deferredSearch ? "No flow matches that search." : "No flows yet: create your first one above."}</p>}
      <ul className="flow-list">
        {flows.data?.map((flow) => <FlowRow key={flow.id} flow={flow} />)}
      </ul>
    </section>
  );
}
