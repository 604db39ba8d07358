import { describe, expect, it } from "vitest";
import { nodeKinds } from "@/lib/flow/catalog";
import { nodeIconOf, nodeIconPaths } from "./node-icons";

describe("nodeIconOf", () => {
  it("gives every kind in the catalog a glyph of its own kind, never the unknown one", () => {
    for (const kind of nodeKinds) expect({ kind: kind.type, icon: nodeIconOf(kind.type) }).not.toEqual({ kind: kind.type, icon: "unknown" });
  });

  it("has a path for each glyph it hands out", () => {
    for (const kind of nodeKinds) expect(nodeIconPaths[nodeIconOf(kind.type)]).toMatch(/^M/);
  });

  it("shows a model chip for any provider and the unknown glyph for a type it does not know", () => {
    expect(nodeIconOf("provider.some_new_cloud")).toBe("model");
    expect(nodeIconOf("no.such.kind")).toBe("unknown");
    expect(nodeIconOf("toString")).toBe("unknown");
  });
});
