// A node kind's glyph, drawn in the current text colour; decorative, since the face names the kind in words.
import { nodeIconOf, nodeIconPaths } from "./node-icons";

export function NodeIcon({ type }: { type: string }) {
  return (
    <svg className="flow-node-icon" viewBox="0 0 24 24" aria-hidden="true" data-icon={nodeIconOf(type)}>
      <path d={nodeIconPaths[nodeIconOf(type)]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
