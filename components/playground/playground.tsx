"use client";
// The playground: chat with the flow. Each message runs it; the answer streams in; each answer links to its
// run (opened in the run panel: which nodes ran, how long, tokens, tool calls). Past sessions reopen.
import "./playground.css";
import { useMemo } from "react";
import { answerNodeIds, type GraphShape } from "@/lib/flow/answer-nodes";
import { useRun } from "@/components/run/use-run";
import { SafeMarkdown } from "@/components/run/safe-markdown";
import { MessageForm } from "@/components/ui/message-form";
import { chatBubbles, type ChatBubble } from "./chat-bubbles";
import { usePlayground, type BeforeSend, type Playground as PlaygroundState } from "./use-playground";

type Props = { flowId: string; graph: GraphShape; beforeSend?: BeforeSend; onClose?: () => void };

export function Playground({ flowId, graph, beforeSend, onClose }: Props) {
  const playground = usePlayground(flowId, beforeSend);
  const answerNodes = useMemo(() => answerNodeIds(graph), [graph]);
  const bubbles = chatBubbles(playground.messages, playground.live, playground.run, answerNodes);
  return (
    <section className="playground" aria-label="Playground" data-testid="playground">
      <header className="playground-header">
        <h2>Playground</h2>
        <button type="button" onClick={playground.newSession}>
          New session
        </button>
        {onClose && (
          <button type="button" aria-label="Close playground" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <SessionList playground={playground} />
      <ol className="chat-log" role="log" aria-label="Conversation" aria-live="polite">
        {bubbles.length === 0 && <li className="muted">Send a message to run the flow. Earlier turns reach it through a Memory node.</li>}
        {bubbles.map((bubble) => (
          <Bubble key={bubble.key} bubble={bubble} />
        ))}
      </ol>
      {playground.error && (
        <p className="run-error" role="alert">
          {playground.error}
        </p>
      )}
      <MessageForm isBusy={playground.isBusy} onSend={playground.send} className="chat-form" placeholder="Message the flow…" />
    </section>
  );
}

function SessionList({ playground }: { playground: PlaygroundState }) {
  if (playground.sessions.length === 0) return null;
  return (
    <details className="chat-sessions">
      <summary>Past sessions ({playground.sessions.length})</summary>
      <ul aria-label="Chat sessions">
        {playground.sessions.map((session) => (
          <li key={session.id}>
            <button type="button" aria-current={session.id === playground.sessionId} onClick={() => playground.openSession(session.id)}>
              {session.title} <span className="muted">· {session.messageCount} messages</span>
            </button>
            <button type="button" className="danger" aria-label={`Delete session ${session.title}`} onClick={() => playground.deleteSession(session.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Bubble({ bubble }: { bubble: ChatBubble }) {
  const { watch } = useRun();
  return (
    <li className={`chat-bubble chat-${bubble.role} chat-${bubble.state}`} data-testid={`chat-${bubble.role}`} aria-busy={bubble.state === "streaming"}>
      {bubble.role === "assistant" ? <SafeMarkdown text={bubble.text || "…"} /> : <p>{bubble.text}</p>}
      {bubble.role === "assistant" && bubble.runId && (
        <button type="button" className="link-button" onClick={() => watch(bubble.runId!)}>
          View run
        </button>
      )}
    </li>
  );
}
