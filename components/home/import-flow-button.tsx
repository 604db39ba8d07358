"use client";
// Import on the home page: an exported flow file becomes a new flow of the caller's, opened on the canvas.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc-provider";
import { importFlowFile } from "@/components/ui/import-flow-file";

export function ImportFlowButton() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setMessage(null);
    const outcome = await importFlowFile(file, (document) => client.flow.import.mutate({ document }));
    if ("message" in outcome) return setMessage(outcome.message);
    await queryClient.invalidateQueries({ queryKey: trpc.flow.list.pathKey() });
    router.push(`/flows/${outcome.flowId}`);
  }

  return (
    <>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import flow
      </button>
      <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Import a flow file" onChange={(event) => void importFile(event)} />
      {message && (
        <span role="alert" className="field-error">
          {message}
        </span>
      )}
    </>
  );
}
