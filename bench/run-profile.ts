// A loop of runs through the run service, in this process, for a CPU profile of what a run costs the server
// beside its model: a scripted model that answers at once (8 chunks), a SQLite database in a temporary
// folder, RUNS runs one after another and then RUNS at once. Read the profile's top self-time entries:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/run-profile.ts
// (RUNS=300 by default; the figures it prints are counts and a rough wall time, not benchmark results).
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createRunService } from "@/server/runs/run-service";
import { createFlowService } from "@/server/services/flow-service";

const RUNS = Number(process.env.RUNS ?? 300);
const CHUNKS = Array.from({ length: 8 }, (_, index) => `m${index}x `);

async function main() {
  const created = await testDatabases()[0]!.create();
  // Counts every Prisma operation, so the figure per run is exact whatever the machine's load.
  const queries = new Map<string, number>();
  const prisma = created.prisma.$extends({
    query: {
      $allOperations: ({ model, operation, args, query }) => {
        const name = `${model ?? "$"}.${operation}`;
        queries.set(name, (queries.get(name) ?? 0) + 1);
        return query(args);
      },
    },
  }) as unknown as typeof created.prisma;
  const database = { ...created, prisma };
  const provider = createScriptedProvider({ respond: () => ({ text: CHUNKS.join(""), chunks: CHUNKS }) });
  const flows = createFlowService(database);
  const runs = createRunService({ db: database, flows }, { maxConcurrentRuns: RUNS, runTimeoutMs: 60_000, providers: () => provider });
  const flow = await flows.create(me, { name: "Profile", graph: chatGraph() });
  queries.clear();
  const runOnce = async (input: string) => runs.waitFor(me, (await runs.start(me, { flowId: flow.id, input })).runId);
  const started = performance.now();
  for (let index = 0; index < RUNS; index += 1) await runOnce(`sequential ${index}`);
  const sequential = performance.now() - started;
  await Promise.all(Array.from({ length: RUNS }, (_, index) => runOnce(`concurrent ${index}`)));
  const concurrent = performance.now() - started - sequential;
  const rows = await database.prisma.runEvent.count();
  console.log(`${RUNS} sequential runs: ${sequential.toFixed(0)} ms; ${RUNS} at once: ${concurrent.toFixed(0)} ms; ${rows} event rows`);
  await runs.idle();
  const perRun = [...queries].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ${(count / (2 * RUNS)).toFixed(2)}`);
  console.log(`queries per run (start, run, waitFor): ${perRun.join(", ")}`);
  await created.drop();
}

await main();
