// `npm run bench -- <name>` runs bench/<name>.bench.ts; with no name, every benchmark in turn.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Benchmark = { default: () => Promise<void> };

const folder = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.bench\.ts$/, ""))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Available: ${available.join(", ")}`);
  process.exit(2);
}

for (const name of requested.length > 0 ? requested : available) {
  console.log(`\n== bench ${name} ==`);
  const benchmark = (await import(`./${name}.bench.ts`)) as Benchmark;
  await benchmark.default();
}
process.exit(0);
