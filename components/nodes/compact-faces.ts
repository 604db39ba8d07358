// When node faces are drawn compact: on a large flow seen from far. Fitted into the window, a 500-node flow
// shows each node a few dozen pixels wide, where names, summaries, port labels and findings are too small to
// read but still cost the browser their layout and painting (most of the time it took such a flow to open).
// A compact face keeps the kind's title, its colours (category, findings, run state) and the ports' handles,
// which edges attach to; zoomed in past COMPACT_BELOW_ZOOM every face is drawn in full again.
import type { ReactFlowState } from "@xyflow/react";
import { createContext } from "react";

/**
 * From this many nodes on a flow is large: xyflow renders only the nodes and edges in view (panning and
 * dragging then cost what is on screen, not the whole graph), and seen from far its faces are compact. Smaller
 * flows render everything in full, so nothing appears late or changes shape while panning them.
 */
export const LARGE_FLOW_NODES = 100;

/** Below this zoom (1 = actual size) a large flow's faces are compact: 0.5 draws their 14 px text at 7 px. */
export const COMPACT_BELOW_ZOOM = 0.5;

/**
 * xyflow store selector: whether faces are compact now. While the first fit is pending (xyflow draws and
 * measures the nodes at zoom 1 before fitting them) a large flow counts as seen from far, so opening one lays
 * its faces out once, compact, rather than in full and then again compact.
 */
export function isCompactView(state: Pick<ReactFlowState, "nodeLookup" | "fitViewQueued" | "transform">): boolean {
  return state.nodeLookup.size >= LARGE_FLOW_NODES && (state.fitViewQueued || state.transform[2] < COMPACT_BELOW_ZOOM);
}

/**
 * Whether faces are compact, provided once by the canvas (which selects isCompactView from xyflow's store): one
 * selector for the whole canvas instead of one per node on every xyflow store update, and a change re-renders
 * every face at once. Without a provider faces are drawn in full.
 */
export const CompactFacesContext = createContext(false);
