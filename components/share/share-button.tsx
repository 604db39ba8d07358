"use client";
import { useState } from "react";
import { ShareDialog } from "./share-dialog";

export function ShareButton({ flowId }: { flowId: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button type="button" className="primary" onClick={() => setIsOpen(true)}>
        Share
      </button>
      {isOpen && <ShareDialog flowId={flowId} onClose={() => setIsOpen(false)} />}
    </>
  );
}
