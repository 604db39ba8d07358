import { describe, expect, it } from "vitest";
import { errorDiagnostic, warningDiagnostic } from "@/lib/flow/diagnostics";
import { decorateEdges, indexDiagnostics, worstSeverity } from "./diagnostics-index";

describe("indexDiagnostics", () => {
  it("files findings under their edge, else their node, else the flow", () => {
    const index = indexDiagnostics([
      errorDiagnostic("edge_incompatible", "bad edge", { edgeId: "e1", nodeId: "n1" }),
      warningDiagnostic("unused_node", "unused", { nodeId: "n2" }),
      errorDiagnostic("missing_output", "no output"),
    ]);
    expect(index.byEdge.get("e1")?.map((d) => d.message)).toEqual(["bad edge"]);
    expect(index.byNode.get("n1")).toBeUndefined();
    expect(index.byNode.get("n2")?.length).toBe(1);
    expect(index.flow.map((d) => d.code)).toEqual(["missing_output"]);
    expect([index.errorCount, index.warningCount]).toEqual([2, 1]);
  });

  it("keeps the lists and maps that did not change, so faces and edges without new findings do not re-render", () => {
    const first = indexDiagnostics([warningDiagnostic("unused_node", "unused", { nodeId: "n1" }), errorDiagnostic("edge_incompatible", "bad", { edgeId: "e1" })]);
    const same = indexDiagnostics([warningDiagnostic("unused_node", "unused", { nodeId: "n1" }), errorDiagnostic("edge_incompatible", "bad", { edgeId: "e1" })], first);
    expect(same.byNode).toBe(first.byNode);
    expect(same.byEdge).toBe(first.byEdge);
    expect(same.flow).toBe(first.flow);
    const changed = indexDiagnostics([warningDiagnostic("unused_node", "unused", { nodeId: "n1" }), warningDiagnostic("unused_node", "unused", { nodeId: "n2" })], same);
    expect(changed.byNode).not.toBe(same.byNode);
    expect(changed.byNode.get("n1")).toBe(first.byNode.get("n1"));
    expect(changed.byEdge.size).toBe(0);
  });

  it("reports the worst severity", () => {
    expect(worstSeverity(undefined)).toBeUndefined();
    expect(worstSeverity([warningDiagnostic("x", "w")])).toBe("warning");
    expect(worstSeverity([warningDiagnostic("x", "w"), errorDiagnostic("y", "e")])).toBe("error");
  });
});

describe("decorateEdges", () => {
  it("marks only the edges with findings", () => {
    const edges = [{ id: "e1" }, { id: "e2" }];
    const decorated = decorateEdges(edges, indexDiagnostics([errorDiagnostic("edge_incompatible", "types differ", { edgeId: "e2" })]).byEdge);
    expect(decorated[0]).toBe(edges[0]);
    expect(decorated[1]).toMatchObject({ className: "edge-error", label: "types differ" });
  });
});
