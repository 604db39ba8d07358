"use client";
// A node's model calls in the run panel: one row per call (model, how it ended, tokens, latency), each
// opening onto the messages sent as a chat transcript, the tools offered, and the raw JSON folded away.
// What is folded is rendered only once opened: an agent's calls repeat its whole history, and a closed row
// should cost the page nothing (nor put hidden text into the output it sits under).
import { useState, type ReactNode } from "react";
import type { ModelCallRecord } from "@/lib/engine/model-call";
import { modelCallJson, modelCallTranscript, offeredTools, summarizeModelCall, type TranscriptTurn } from "./model-call-format";

/** A `<details>` whose content is rendered only while it is open. */
function FoldedDetails({ summary, className, testId, children }: { summary: ReactNode; className: string; testId?: string; children: () => ReactNode }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details className={className} data-testid={testId} onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {isOpen && children()}
    </details>
  );
}

function Turn({ turn }: { turn: TranscriptTurn }) {
  return (
    <li className={`model-call-turn turn-${turn.role}`} data-testid="model-call-turn">
      <strong className="model-call-role">{turn.label}</strong>
      {turn.text && <p className="model-call-text">{turn.text}</p>}
      {turn.toolCalls.map((call, index) => (
        <div key={index} className="model-call-tool-call">
          Calls <code>{call.name}</code>
          <pre>{call.arguments}</pre>
          {call.problem && <p className="run-error">{call.problem}</p>}
        </div>
      ))}
    </li>
  );
}

function CallSummary({ call }: { call: ModelCallRecord }) {
  const summary = summarizeModelCall(call);
  return (
    <>
      <span className="model-call-title">{summary.title}</span> <span className={call.error ? "run-error" : "muted"}>{summary.finish}</span>
      {summary.tokens && <span className="muted"> · {summary.tokens}</span>}
      <span className="muted"> · {summary.latency}</span>
    </>
  );
}

function CallDetails({ call }: { call: ModelCallRecord }) {
  const tools = offeredTools(call);
  return (
    <>
      <ol className="model-call-transcript" aria-label="Messages">
        {modelCallTranscript(call).map((turn, index) => (
          <Turn key={index} turn={turn} />
        ))}
      </ol>
      {tools.length > 0 && (
        <details className="model-call-tools">
          <summary>Tools offered ({tools.length})</summary>
          <ul>
            {tools.map((tool) => (
              <li key={tool}>{tool}</li>
            ))}
          </ul>
        </details>
      )}
      <FoldedDetails className="model-call-raw" summary="Raw JSON">
        {() => <pre>{modelCallJson(call)}</pre>}
      </FoldedDetails>
    </>
  );
}

export function ModelCalls({ calls, testId }: { calls: ModelCallRecord[] | undefined; testId: string }) {
  if (!calls?.length) return null;
  return (
    <section className="model-calls" aria-label="Model calls" data-testid={testId}>
      <h4>Model calls</h4>
      <ol>
        {calls.map((call) => (
          <li key={call.callIndex}>
            <FoldedDetails className="model-call" testId="model-call" summary={<CallSummary call={call} />}>
              {() => <CallDetails call={call} />}
            </FoldedDetails>
          </li>
        ))}
      </ol>
    </section>
  );
}
