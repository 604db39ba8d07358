"use client";
// Warnings a succeeded node earned (an empty or cut-off answer), and a reasoning model's thinking, collapsed:
// kept in view, never silently dropped, without crowding the answer.
export function RunWarnings({ warnings, testId }: { warnings: string[] | undefined; testId: string }) {
  if (!warnings?.length) return null;
  return (
    <ul className="run-warnings" data-testid={testId} aria-label="Warnings">
      {warnings.map((warning) => (
        <li key={warning}>⚠ {warning}</li>
      ))}
    </ul>
  );
}

export function ReasoningText({ text, testId }: { text: string | undefined; testId: string }) {
  if (!text) return null;
  return (
    <details className="run-reasoning" data-testid={testId}>
      <summary>Reasoning</summary>
      <p>{text}</p>
    </details>
  );
}
