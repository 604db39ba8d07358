import { describe, expect, it } from "vitest";
import { nodeKinds } from "@/lib/flow/catalog";
import { nodeCategories } from "@/lib/flow/node-kind";
import { clickPlacement, groupKinds } from "./palette-groups";

describe("groupKinds", () => {
  it("lists every kind once, in category order", () => {
    const groups = groupKinds(nodeKinds, nodeCategories, "");
    expect(groups.flatMap((group) => group.kinds).length).toBe(nodeKinds.length);
    expect(groups.map((group) => group.category)).toEqual(nodeCategories.filter((category) => nodeKinds.some((kind) => kind.category === category)));
  });

  it("filters by title, description or type, ignoring case", () => {
    const groups = groupKinds(nodeKinds, nodeCategories, "OLLAMA");
    expect(groups.flatMap((group) => group.kinds.map((kind) => kind.type))).toEqual(["provider.ollama"]);
    expect(groupKinds(nodeKinds, nodeCategories, "zzz-nothing")).toEqual([]);
  });

  it("keeps kinds of a category it does not know, after the known ones", () => {
    const groups = groupKinds([{ type: "x", title: "X", category: "new", description: "" }], ["io"], "");
    expect(groups).toEqual([{ category: "new", kinds: [{ type: "x", title: "X", category: "new", description: "" }] }]);
  });
});

describe("clickPlacement", () => {
  it("lays click-added nodes out side by side", () => {
    const spots = [0, 1, 2, 3, 4].map((count) => clickPlacement({ x: 500, y: 400 }, count));
    expect(new Set(spots.map((spot) => `${spot.x},${spot.y}`)).size).toBe(5);
    expect(spots[1]!.x - spots[0]!.x).toBeGreaterThanOrEqual(200);
    expect(spots[4]!.y).toBeGreaterThan(spots[0]!.y);
  });
});
