"use client";
// Import on the home page: an exported flow file becomes a new flow of the caller's, opened on the canvas.
// An invalid file is refused with the server's reason and creates nothing.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc-provider";
import { errorMessageOf } from "@/components/ui/trpc-errors";

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
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return setMessage(`Import failed: ${file.name} is not a JSON file.`);
    }
    try {
      const flow = await client.flow.import.mutate({ document: document as never });
      await queryClient.invalidateQueries({ queryKey: trpc.flow.list.pathKey() });
      router.push(`/flows/${flow.id}`);
    } catch (error) {
      setMessage(`Import failed: ${errorMessageOf(error)}`);
    }
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
