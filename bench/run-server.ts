// A production OsMEN server for the run and canvas benchmarks: `npx next start` on a free port (or BENCH_PORT)
// with its own temporary SQLite database, plus the few tRPC calls and /proc readings the benchmarks need.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * `dataDir` holds the server's SQLite file, `databaseFile`, which the storage measurements read (unused when the
 * caller's `env` points DATABASE_URL elsewhere).
 */
export type BenchServer = { base: string; process: ChildProcess; databaseFile: string };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the server and waits until /api/health answers. `nodeArgs` (for a profile: `--cpu-prof`, which
 * NODE_OPTIONS refuses) start Next.js's own script under this Node.js instead of through npx.
 * @throws without a production build, or after 60 s unhealthy.
 */
export async function startBenchServer(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<BenchServer> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build found: run `npm run build` first.");
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseFile = `${dataDir}/bench.db`;
  const nextArgs = ["start", "-p", String(port)];
  const [command, args] = nodeArgs.length > 0 ? [process.execPath, [...nodeArgs, "node_modules/next/dist/bin/next", ...nextArgs]] : ["npx", ["next", ...nextArgs]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      OSMEN_DATA_DIR: dataDir,
      // The benchmark's model server is on loopback; a node's Base URL reaches it only when allowlisted.
      OSMEN_HTTP_ALLOWLIST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // Thousands of runs a minute from one key and one address are the load being measured, not abuse.
      OSMEN_RATE_LIMIT_READS: "0",
      OSMEN_RATE_LIMIT_WRITES: "0",
      OSMEN_RATE_LIMIT_RUNS: "0",
      OSMEN_RATE_LIMIT_OPENAI: "0",
      // Production refuses to start without a vault key; a throwaway one suits a throwaway database.
      OSMEN_SECRET_KEY: process.env.OSMEN_SECRET_KEY ?? randomBytes(32).toString("base64"),
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (await fetch(`${base}/api/health`).then((response) => response.ok, () => false)) return { base, process: child, databaseFile };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy in 60 s (did `npm run build` run?)");
}

/**
 * Stops the server's process group and waits (at most 10 s) until every process of it has exited, so a next
 * benchmark on the same BENCH_PORT does not meet this one still listening.
 */
export async function stopBenchServer(server: BenchServer): Promise<void> {
  await stopProcessGroup(server.process);
}

/**
 * SIGTERM to the process group of `child` (spawned `detached`), then waits until every process of its tree has
 * exited, at most `waitMs`.
 */
export async function stopProcessGroup(child: ChildProcess, waitMs = 10_000): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const pids = processTree(child.pid); // before the signal: once npx exits, its children are no longer found under it
  process.kill(-child.pid, "SIGTERM");
  for (let waited = 0; waited < waitMs && pids.some((pid) => existsSync(`/proc/${pid}`)); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function rpc<Output>(base: string, path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<Output> {
  const response =
    kind === "mutation"
      ? await fetch(`${base}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" }, body: JSON.stringify({ json: input }) })
      : await fetch(`${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { result?: { data: { json: Output } }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the name (field 2) may hold spaces, so read after ")".
        return Number(readFileSync(`/proc/${name}/stat`, "utf8").split(")").at(-1)!.trim().split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const statusField = (pid: number, field: string) => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0);

/** The server's process tree: npx starts `next start`, which starts the Next.js server. */
export const serverProcessIds = (server: BenchServer): number[] => processTree(server.process.pid!);

/** `root` and every process below it. */
function processTree(root: number): number[] {
  const pids: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    pids.push(pid);
    pending.push(...childrenOf(pid));
  }
  return pids;
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (ms, user + system) the server's processes have used since they started, from fields 14 and 15 of
 * /proc/<pid>/stat; 10 ms resolution, so compare readings over many requests.
 */
export function serverCpuMs(server: BenchServer): number {
  let ticks = 0;
  for (const pid of serverProcessIds(server)) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)!.trim().split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      continue; // the process ended meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Resident memory (KiB) of the server from /proc/<pid>/status: `VmRSS` now, or `VmHWM`, its peak since it
 * started or since `resetServerPeakRss`. The largest member of the process tree is the Next.js server itself.
 */
export function serverMemoryKiB(server: BenchServer, field: "VmRSS" | "VmHWM"): number {
  let largest = 0;
  for (const pid of serverProcessIds(server)) {
    try {
      largest = Math.max(largest, statusField(pid, field));
    } catch {
      continue; // the process ended meanwhile
    }
  }
  return largest;
}

/**
 * Restarts the peak (VmHWM) count of every server process at its current RSS (Linux: "5" to clear_refs), so a
 * later reading is the peak of what happened in between. Returns false where the kernel refuses.
 */
export function resetServerPeakRss(server: BenchServer): boolean {
  try {
    for (const pid of serverProcessIds(server)) writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
