// Benchmark rows with and without a target: what each prints, and which count as a MISS.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { beginBench, printSummary, report, rows, verdictOf } from "./report.ts";
import type { Figure, Target } from "./targets.ts";

const bounded: Target = { measure: "time per thing", unit: "ms", target: 10, direction: "max" };
const informational: Figure = { measure: "things per second", unit: "runs/s" };

describe("benchmark rows", () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    vi.spyOn(console, "log").mockImplementation((text: string) => void printed.push(text));
    beginBench("test");
  });
  afterEach(() => vi.restoreAllMocks());

  it("gives a row with a target PASS or MISS and prints the target", () => {
    expect(verdictOf(report(bounded, 4.5))).toBe("PASS");
    expect(verdictOf(report(bounded, 12))).toBe("MISS");
    expect(printed[0]).toMatch(/^PASS {2}time per thing: 4\.50 ms, target <= 10 ms \[\d+ cores, load \d+\.\d\d]/);
  });

  it("gives a measured row without a target INFO, prints no target, and never counts it a MISS", () => {
    const row = report(informational, 12.5, "500 runs");
    expect(verdictOf(row)).toBe("INFO");
    expect(row.isPass).toBe(true);
    expect(printed[0]).toMatch(/^INFO {2}things per second: 12\.5 runs\/s \(500 runs\) \[\d+ cores, load \d+\.\d\d]/);
  });

  it("gives a row without a target that was not measured MISS", () => {
    const row = report(informational, Number.NaN, "failed: 3 of 500 runs succeeded");
    expect(verdictOf(row)).toBe("MISS");
    expect(printed[0]).toMatch(/^MISS {2}things per second: not measured \(failed: 3 of 500 runs succeeded\)/);
  });

  it("lists informational rows in the summary with no target, and counts them apart", () => {
    report(informational, 12.5);
    printed = [];
    printSummary();
    expect(printed.join("\n")).toMatch(/INFO {4}test {4}things per second +12\.5 runs\/s {2}none/);
    const count = (verdict: string) => rows().filter((row) => verdictOf(row) === verdict).length;
    expect(count("INFO")).toBeGreaterThan(0);
    expect(printed.at(-1)).toBe(`${count("PASS")} PASS, ${count("MISS")} MISS, ${count("INFO")} INFO`);
  });
});
