// `npm run bench -- <name>... [--check]` runs bench/<name>.bench.ts in turn (with no name, every benchmark), then
// prints the table of every measured row. Exit status: 1 when a measurement failed; with --check, also 1 when any
// row is a MISS (timings on a shared machine are noisy, so without --check a MISS alone still exits 0).
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beginBench, failureCount, printSummary, rows } from "./report.ts";

type Benchmark = { default: () => Promise<void> };

const folder = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.bench\.ts$/, ""))
  .sort();

const args = process.argv.slice(2);
const isCheck = args.includes("--check");
const requested = args.filter((arg) => arg !== "--check");
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Available: ${available.join(", ")}`);
  process.exit(2);
}

let crashed = false;
for (const name of requested.length > 0 ? requested : available) {
  console.log(`\n== bench ${name} ==`);
  beginBench(name);
  try {
    const benchmark = (await import(`./${name}.bench.ts`)) as Benchmark;
    await benchmark.default();
  } catch (error) {
    crashed = true; // the rows it did measure still reach the summary
    console.error(`bench ${name} failed:`, error);
  }
}
printSummary();
const missed = rows().filter((row) => !row.isPass).length;
if (crashed || failureCount() > 0) process.exit(1);
process.exit(isCheck && missed > 0 ? 1 : 0);
