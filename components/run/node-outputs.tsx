"use client";
// Each node's output as safe markdown, with its status, time and tokens; then the run's final output.
import { memo } from "react";
import { useRun } from "./use-run";
import { formatDuration, formatUsage, statusLabel } from "./run-format";
import { outputTextOf, runOutputText } from "./node-output";
import type { NodeRunView } from "./node-run-view";
import { ModelCalls } from "./model-calls";
import { SafeMarkdown } from "./safe-markdown";
import { ReasoningText, RunWarnings } from "./run-warnings";
import { useNodeLabels } from "./use-node-labels";
import { useRunSnapshot } from "./use-run-snapshot";

// Memoised on the node's view, which the store replaces only when that node changes: a chunk streamed
// into one node re-renders that node's markdown, not every node's.
const NodeOutput = memo(function NodeOutput({ nodeId, label, node }: { nodeId: string; label: string; node: NodeRunView }) {
  const text = outputTextOf(node);
  const figures = [formatDuration(node.durationMs), formatUsage(node.usage)].filter(Boolean).join(" · ");
  return (
    <article className={`run-output run-${node.status}`} data-testid={`run-output-${nodeId}`}>
      <header>
        <strong>{label}</strong> <span className="run-status">{statusLabel(node.status)}</span> {figures && <span className="muted">{figures}</span>}
      </header>
      <RunWarnings warnings={node.warnings} testId={`run-output-warnings-${nodeId}`} />
      <ReasoningText text={node.reasoning} testId={`run-output-reasoning-${nodeId}`} />
      {text && <SafeMarkdown text={text} />}
      <ModelCalls calls={node.modelCalls} testId={`model-calls-${nodeId}`} />
    </article>
  );
});

export function NodeOutputs() {
  const { store } = useRun();
  const { runId, state } = useRunSnapshot(store);
  const labelOf = useNodeLabels();
  if (!runId) return null;
  const finalOutput = runOutputText(state.output);
  return (
    <div className="run-outputs">
      <h3>Outputs</h3>
      {finalOutput && (
        <article className="run-output run-final" data-testid="run-final-output">
          <header>Result</header>
          <SafeMarkdown text={finalOutput} />
        </article>
      )}
      {Object.keys(state.nodes).map((nodeId) => {
        const node = store.get(nodeId);
        return node && <NodeOutput key={nodeId} nodeId={nodeId} label={labelOf(nodeId)} node={node} />;
      })}
    </div>
  );
}
