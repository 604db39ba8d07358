"use client";
// The node palette: every catalog kind, grouped by category, filtered by a search box. A kind is added by
// clicking it (at the centre of the view) or by dragging it onto the canvas.
import { useReactFlow } from "@xyflow/react";
import { useMemo, useState } from "react";
import { nodeKinds } from "@/lib/flow/catalog";
import { nodeCategories, type NodeCategory } from "@/lib/flow/node-kind";
import { useEditorStore } from "@/components/editor-state/editor-context";
import { PALETTE_DRAG_TYPE } from "./flow-canvas";
import { clickPlacement, groupKinds } from "./palette-groups";

export const categoryLabels: Record<NodeCategory, string> = {
  io: "Inputs and outputs",
  prompts: "Prompts",
  models: "Models",
  agents: "Agents and teams",
  tools: "Tools",
};

export function Palette() {
  const [search, setSearch] = useState("");
  const groups = useMemo(() => groupKinds(nodeKinds, nodeCategories, search), [search]);
  const store = useEditorStore();
  const { screenToFlowPosition } = useReactFlow();

  function addAtCentre(type: string) {
    const bounds = document.querySelector(".react-flow")?.getBoundingClientRect();
    const centre = bounds ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 } : { x: 400, y: 300 };
    // Placed in flow units, so nodes land side by side whatever the zoom.
    store.getState().addNode(type, clickPlacement(screenToFlowPosition(centre), store.getState().nodes.length));
  }

  return (
    <nav className="palette" aria-label="Node palette">
      <input type="search" aria-label="Search nodes" placeholder="Search nodes" value={search} onChange={(event) => setSearch(event.target.value)} />
      {groups.length === 0 && <p className="muted">No node matches “{search}”.</p>}
      {groups.map((group) => (
        <section key={group.category} aria-label={categoryLabels[group.category as NodeCategory] ?? group.category}>
          <h3>{categoryLabels[group.category as NodeCategory] ?? group.category}</h3>
          <ul>
            {group.kinds.map((kind) => (
              <li key={kind.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable
                  aria-label={`Add ${kind.title}`}
                  title={kind.description}
                  onClick={() => addAtCentre(kind.type)}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind.type);
                    event.dataTransfer.effectAllowed = "copy";
                  }}
                >
                  <span className={`palette-dot category-${kind.category}`} aria-hidden="true" />
                  {kind.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
