"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { flowNameSchema } from "@/lib/flow/flow-inputs";
import { useTRPC } from "@/components/trpc-provider";

export function CreateFlowForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const create = useMutation(
    trpc.flow.create.mutationOptions({
      onSuccess: async (flow) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.list.pathKey() });
        router.push(`/flows/${flow.id}`);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = flowNameSchema.safeParse(name);
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? "invalid name");
    setFieldError(null);
    create.mutate({ name: parsed.data });
  }

  return (
    <form onSubmit={submit} className="toolbar" aria-label="Create a flow">
      <label htmlFor="new-flow-name" className="muted">
        New flow
      </label>
      <input id="new-flow-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="Flow name" maxLength={200} />
      <button type="submit" className="primary" disabled={create.isPending}>
        Create flow
      </button>
      {(fieldError ?? create.error?.message) && (
        <span role="alert" className="field-error">
          {fieldError ?? create.error?.message}
        </span>
      )}
    </form>
  );
}
