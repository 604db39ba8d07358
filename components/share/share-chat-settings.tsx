"use client";
// A link's chat: the owner opens it for chatting (visitors chat with the flow, run as the owner, within limits)
// and, while it is open, gets the chat's address and an <iframe> snippet to embed it on another site. The
// full address exists only for a link just created; for an older one the snippet is shown for its address.
import { useState } from "react";
import "./shared-chat.css";
import { embedSnippet } from "./shared-chat-state";

type Props = {
  link: { id: string; tokenPrefix: string; chatEnabled: boolean };
  /** The link's full address, when it was created just now. */
  url: string | null;
  isSaving: boolean;
  onToggle(chatEnabled: boolean): void;
};

export function ShareChatSettings({ link, url, isSaving, onToggle }: Props) {
  const chatUrl = url ? `${url.replace(/\/$/, "")}/chat` : null;
  return (
    <div className="share-chat-settings">
      <label>
        <input type="checkbox" checked={link.chatEnabled} disabled={isSaving} onChange={(event) => onToggle(event.target.checked)} aria-label={`Open link ${link.tokenPrefix} for chatting`} />
        Open for chatting (visitors chat with this flow, run with your credentials)
      </label>
      {link.chatEnabled && (chatUrl ? <EmbedSnippet chatUrl={chatUrl} /> : <p className="muted">Chat page: this link&apos;s address followed by <code>/chat</code>; embed it with <code>{embedSnippet("<link>/chat")}</code></p>)}
    </div>
  );
}

function EmbedSnippet({ chatUrl }: { chatUrl: string }) {
  const snippet = embedSnippet(chatUrl);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="share-embed">
      <label>
        Chat page
        <input readOnly value={chatUrl} onFocus={(event) => event.target.select()} data-testid="share-chat-url" />
      </label>
      <label>
        Embed on another site
        <textarea readOnly rows={3} value={snippet} onFocus={(event) => event.target.select()} data-testid="share-embed-snippet" />
      </label>
      <button type="button" onClick={() => void copy()}>
        {copied ? "Copied" : "Copy snippet"}
      </button>
    </div>
  );
}
