// Edges carrying data animate while their source node runs. The canvas is left untouched: a style rule per
// such edge targets xyflow's own `data-id` attribute, reusing xyflow's `dashdraw` animation.
type EdgeLike = { id: string; source: string };

export function edgesCarryingData(edges: readonly EdgeLike[], isRunning: (nodeId: string) => boolean): string[] {
  return edges.filter((edge) => isRunning(edge.source)).map((edge) => edge.id);
}

/** A CSS string literal for an attribute selector, safe whatever characters the id holds. */
export const cssString = (value: string) => `"${value.replace(/[\\"]/g, (character) => `\\${character}`).replace(/\n/g, "\\a ")}"`;

export function edgeAnimationCss(edgeIds: readonly string[]): string {
  if (edgeIds.length === 0) return "";
  const selectors = edgeIds.map((id) => `.react-flow__edge[data-id=${cssString(id)}] .react-flow__edge-path`).join(",\n");
  return `${selectors} { stroke: var(--run-running); stroke-width: 2; stroke-dasharray: 5; animation: dashdraw 0.5s linear infinite; }`;
}
