"use client";
// A link just created: the only moment its full address exists outside the visitor's hands.
import { useState } from "react";

/** `url` is absolute, built by the server on its public origin. */
export function CreatedLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="created-link">
      <label>
        New link (copy it now: it is not shown again)
        <input readOnly value={url} onFocus={(event) => event.target.select()} data-testid="created-share-link" />
      </label>
      <button type="button" onClick={() => void copy()}>
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
