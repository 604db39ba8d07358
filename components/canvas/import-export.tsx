"use client";
// Export the flow as a JSON file (the server strips secrets) and import one as a new flow; an invalid
// file is refused with the server's reason, creates nothing, and leaves the toolbar as it was.
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent } from "react";
import { useTRPCClient } from "@/components/trpc-provider";
import { importFlowFile } from "@/components/ui/import-flow-file";
import { errorMessageOf } from "@/components/ui/trpc-errors";

export function exportFileName(flowName: string): string {
  const slug = flowName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "flow";
  return `${slug}.osmen.json`;
}

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function ImportExportButtons({ flowId, flowName }: { flowId: string; flowName: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function exportFlow() {
    setMessage(null);
    try {
      const document = await client.flow.export.query({ id: flowId });
      download(exportFileName(flowName), JSON.stringify(document, null, 2));
      const removed = document.removedSecrets ?? [];
      if (removed.length > 0) setMessage(`Exported without ${removed.length} secret(s): ${removed.map((item) => (item.nodeId ? `${item.nodeId} ${item.path}` : `flow ${item.path}`)).join(", ")}.`);
    } catch (error) {
      setMessage(`Export failed: ${errorMessageOf(error)}`);
    }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setMessage(null);
    const outcome = await importFlowFile(file, (document) => client.flow.import.mutate({ document }));
    if ("message" in outcome) return setMessage(outcome.message);
    router.push(`/flows/${outcome.flowId}`);
  }

  return (
    <>
      <button type="button" onClick={() => void exportFlow()}>
        Export
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Import a flow file" onChange={(event) => void importFile(event)} />
      {message && (
        // On its own line under the buttons, so a long reason never pushes the toolbar apart; dismissible.
        <p role="alert" className="toolbar-message field-error" data-testid="import-export-message">
          {message}
          <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      )}
    </>
  );
}
