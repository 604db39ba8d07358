"use client";
// A share link's chat (/share/<token>/chat), alone on its page so other sites can embed it: a visitor chats
// with the shared flow; each answer arrives as text. It knows the visitor only by the id the server handed
// out (kept in this browser's storage) and never acts as a signed-in user.
import "./shared-chat.css";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { SafeMarkdown } from "@/components/run/safe-markdown";
import { MessageForm } from "@/components/ui/message-form";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessageOf } from "@/components/ui/trpc-errors";
import { recall, remember, turnsOf, withAnswer, withSentMessage, type RememberedChat, type SharedChatTurn } from "./shared-chat-state";

/** This browser's localStorage, or null where there is none or it is blocked (reading it throws in some frames). */
function browserStore(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function SharedChat({ token, name, description }: { token: string; name: string; description: string }) {
  const trpc = useTRPC();
  /** What this browser remembered when the page opened; `remembered`: what it remembers now. */
  const [initial, setInitial] = useState<RememberedChat | null>(null);
  const [remembered, setRemembered] = useState<RememberedChat | null>(null);
  const [turns, setTurns] = useState<SharedChatTurn[]>([]);
  useEffect(() => {
    const recalled = recall(browserStore(), token);
    setInitial(recalled);
    setRemembered(recalled);
  }, [token]);

  // The session this browser had open is shown again, once, unless a message was sent meanwhile; one that is
  // gone (or not this visitor's) is forgotten.
  const stored = useQuery({
    ...trpc.shareChat.session.queryOptions({ token, visitorId: initial?.visitorId ?? "", sessionId: initial?.sessionId ?? "" }),
    enabled: Boolean(initial?.visitorId && initial?.sessionId),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    if (stored.data) setTurns((current) => (current.length === 0 ? turnsOf(stored.data.messages) : current));
    if (stored.isError) setRemembered((current) => (current?.sessionId === initial?.sessionId ? { ...current, sessionId: undefined } : current));
  }, [stored.data, stored.isError, initial]);
  const { visitorId, sessionId } = remembered ?? {};

  const send = useMutation(trpc.shareChat.send.mutationOptions());
  const onSend = async (message: string) => {
    setTurns((current) => withSentMessage(current, message));
    try {
      const reply = await send.mutateAsync({ token, message, visitorId, sessionId });
      const next = { visitorId: reply.visitorId, sessionId: reply.sessionId };
      remember(browserStore(), token, next);
      setRemembered(next);
      setTurns((current) => withAnswer(current, reply.answer));
    } catch (error) {
      setTurns((current) => withAnswer(current, null, errorMessageOf(error)));
    }
  };
  const newChat = () => {
    remember(browserStore(), token, { visitorId });
    setRemembered({ visitorId });
    setTurns([]);
  };

  return (
    <section className="shared-chat" aria-label={`Chat with ${name}`} data-testid="shared-chat">
      <header className="shared-chat-header">
        <h1>{name}</h1>
        <button type="button" onClick={newChat} disabled={send.isPending}>
          New chat
        </button>
      </header>
      {description && <p className="muted shared-chat-description">{description}</p>}
      <ol className="shared-chat-log" role="log" aria-label="Conversation" aria-live="polite">
        {turns.length === 0 && <li className="muted">Send a message to start.</li>}
        {turns.map((turn, index) => (
          <li key={index} className={`shared-chat-turn shared-chat-${turn.role} shared-chat-${turn.state}`} data-testid={`chat-${turn.role}`} aria-busy={turn.state === "pending"}>
            {turn.role === "assistant" ? <SafeMarkdown text={turn.text || "…"} /> : <p>{turn.text}</p>}
          </li>
        ))}
      </ol>
      <MessageForm isBusy={send.isPending} onSend={onSend} className="shared-chat-form" placeholder="Type a message…" />
    </section>
  );
}
