"use client";
// The box a chat message is typed into: Enter sends, Shift+Enter adds a line (as in the run dialog), and an
// empty message or one sent while the last is still answered is not sent.
import { useState, type FormEvent, type KeyboardEvent } from "react";

/** `onSend` gets the message as typed; `className` and `placeholder` let each chat keep its own look. */
export type MessageFormProps = { isBusy: boolean; onSend: (message: string) => Promise<void> | void; className: string; placeholder: string };

export function MessageForm({ isBusy, onSend, className, placeholder }: MessageFormProps) {
  const [message, setMessage] = useState("");
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (isBusy || message.trim() === "") return;
    void onSend(message);
    setMessage("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };
  return (
    <form className={className} onSubmit={submit}>
      <textarea aria-label="Message" rows={2} value={message} onChange={(event) => setMessage(event.target.value)} onKeyDown={onKeyDown} placeholder={placeholder} />
      <button type="submit" className="primary" disabled={isBusy || message.trim() === ""}>
        Send
      </button>
    </form>
  );
}
