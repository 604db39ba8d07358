import { describe, expect, it } from "vitest";
import { importedFlowName } from "./flow-import-service.ts";

describe("importedFlowName", () => {
  it("keeps a free name, else marks the import, then numbers it", () => {
    expect(importedFlowName("Brief", new Set(["Other"]))).toBe("Brief");
    expect(importedFlowName("Brief", new Set(["Brief"]))).toBe("Brief (imported)");
    expect(importedFlowName("Brief", new Set(["Brief", "Brief (imported)", "Brief (imported 2)"]))).toBe("Brief (imported 3)");
  });

  it("stays within 200 characters", () => {
    const long = "x".repeat(200);
    const name = importedFlowName(long, new Set([long]));
    expect(name).toHaveLength(200);
    expect(name.endsWith(" (imported)")).toBe(true);
  });
});
