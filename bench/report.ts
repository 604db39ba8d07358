// Benchmark rows: every measured figure is recorded against its target and printed at once with its verdict
// (PASS or MISS), the machine's core count and 1-minute load average at that moment, so a figure read on a
// busy machine says so beside it. A figure without a target is informational: its verdict is INFO, which is
// never a MISS unless the measurement failed. `npm run bench` prints the table of all rows at the end
// (bench/index.ts).
import { availableParallelism, loadavg } from "node:os";
import type { Figure, Target } from "./targets.ts";

/**
 * One measured figure and its verdict. `value` is NaN when the measurement itself failed (always a MISS).
 * `isPass` is true for an informational figure (no `target`) that was measured.
 */
export type Row = (Target | Figure) & {
  bench: string;
  value: number;
  isPass: boolean;
  /** Cores (`os.availableParallelism()`) and 1-minute load average (`os.loadavg()[0]`) when it was measured. */
  cores: number;
  load: number;
  isSmoke: boolean;
  /** Extra figures that explain the value (n, max, a breakdown). */
  detail?: string;
};

/** `BENCH_SMOKE=1`: every count shrinks so the code can be checked quickly on a busy machine; rows say "smoke". */
export const isSmoke = process.env.BENCH_SMOKE === "1";

/** The full count, or the small one in smoke mode. */
export const sized = (full: number, smoke: number): number => (isSmoke ? smoke : full);

const recorded: Row[] = [];
let currentBench = "";
let failures = 0;

/** Names the benchmark whose rows follow (bench/index.ts calls it before each one). */
export function beginBench(name: string): void {
  currentBench = name;
}

function formatValue(value: number, unit: string): string {
  if (Number.isNaN(value)) return "not measured";
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const suffix = unit === "x" || unit === "" ? unit : ` ${unit}`;
  return `${value.toFixed(digits)}${suffix}`;
}

const hasTarget = (figure: Target | Figure): figure is Target => "target" in figure;

const formatTarget = (figure: Target | Figure) => (hasTarget(figure) ? `${figure.direction === "max" ? "<=" : ">="} ${formatValue(figure.target, figure.unit)}` : "none");

/** PASS or MISS against the target; INFO for a measured figure without one (a failed one is a MISS). */
export function verdictOf(row: Row): "PASS" | "MISS" | "INFO" {
  if (!row.isPass) return "MISS";
  return hasTarget(row) ? "PASS" : "INFO";
}

function line(row: Row): string {
  const smoke = row.isSmoke ? ", smoke" : "";
  const detail = row.detail ? ` (${row.detail})` : "";
  const target = hasTarget(row) ? `, target ${formatTarget(row)}` : "";
  return `${verdictOf(row)}  ${row.measure}: ${formatValue(row.value, row.unit)}${target}${detail} [${row.cores} cores, load ${row.load.toFixed(2)}${smoke}]`;
}

/** Records a figure (against its target, if it has one) and prints its line. */
export function report(figure: Target | Figure, value: number, detail?: string): Row {
  const isMeasured = !Number.isNaN(value);
  const isPass = isMeasured && (!hasTarget(figure) || (figure.direction === "max" ? value <= figure.target : value >= figure.target));
  const row: Row = { ...figure, bench: currentBench, value, isPass, cores: availableParallelism(), load: loadavg()[0]!, isSmoke, detail };
  recorded.push(row);
  console.log(line(row));
  return row;
}

/**
 * Runs one measurement; if it throws, its targets are reported as not measured (MISS) with the error, and the
 * benchmark goes on with the next measurement. `failureCount()` counts them, so the run still exits non-zero.
 */
export async function measuring(targets: (Target | Figure)[], measure: () => Promise<void>): Promise<void> {
  try {
    await measure();
  } catch (error) {
    failures += 1;
    const message = error instanceof Error ? error.message : String(error);
    for (const target of targets) report(target, Number.NaN, `failed: ${message.slice(0, 300)}`);
  }
}

export const rows = (): readonly Row[] => recorded;
export const failureCount = (): number => failures;

/** The table of every row so far, one line each, for the end of `npm run bench`. */
export function printSummary(): void {
  if (recorded.length === 0) return;
  const measureWidth = Math.max(...recorded.map((row) => row.measure.length));
  console.log(`\n== summary${isSmoke ? " (smoke: counts shrunk, figures not comparable)" : ""} ==`);
  console.log(`${"verdict".padEnd(8)}${"bench".padEnd(8)}${"measure".padEnd(measureWidth + 2)}${"value".padStart(14)}  ${"target".padEnd(14)}cores  load`);
  for (const row of recorded) {
    console.log(
      `${verdictOf(row).padEnd(8)}${row.bench.padEnd(8)}${row.measure.padEnd(measureWidth + 2)}${formatValue(row.value, row.unit).padStart(14)}  ${formatTarget(row).padEnd(14)}${String(row.cores).padStart(5)}  ${row.load.toFixed(2)}`,
    );
  }
  const counts = { PASS: 0, MISS: 0, INFO: 0 };
  for (const row of recorded) counts[verdictOf(row)] += 1;
  console.log(`${counts.PASS} PASS, ${counts.MISS} MISS${counts.INFO > 0 ? `, ${counts.INFO} INFO` : ""}`);
}
