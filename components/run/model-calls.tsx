"use client";
// A node's model calls in the run panel: one row per call (model, how it ended, tokens, latency), each
// opening onto the messages sent as a chat transcript, the tools offered, and the raw JSON folded away.
import type { ModelCallRecord } from "@/lib/engine/model-call";
import { modelCallJson, modelCallTranscript, offeredTools, summarizeModelCall, type TranscriptTurn } from "./model-call-format";

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

function ModelCall({ call }: { call: ModelCallRecord }) {
  const summary = summarizeModelCall(call);
  const tools = offeredTools(call);
  return (
    <li>
      <details className="model-call" data-testid="model-call">
        <summary>
          <span className="model-call-title">{summary.title}</span> <span className={call.error ? "run-error" : "muted"}>{summary.finish}</span>
          {summary.tokens && <span className="muted"> · {summary.tokens}</span>}
          <span className="muted"> · {summary.latency}</span>
        </summary>
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
        <details className="model-call-raw">
          <summary>Raw JSON</summary>
          <pre>{modelCallJson(call)}</pre>
        </details>
      </details>
    </li>
  );
}

export function ModelCalls({ calls, testId }: { calls: ModelCallRecord[] | undefined; testId: string }) {
  if (!calls?.length) return null;
  return (
    <section className="model-calls" aria-label="Model calls" data-testid={testId}>
      <h4>Model calls</h4>
      <ol>
        {calls.map((call) => (
          <ModelCall key={call.callIndex} call={call} />
        ))}
      </ol>
    </section>
  );
}
