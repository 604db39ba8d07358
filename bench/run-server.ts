// A production OsMEN server for the run benchmark: `npx next start` on a free port with its own temporary
// SQLite database, plus the few tRPC calls and /proc readings the benchmark needs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export type BenchServer = { base: string; process: ChildProcess };

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

export async function startBenchServer(dataDir: string, env: Record<string, string>): Promise<BenchServer> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build found: run `npm run build` first.");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${dataDir}/bench.db`,
      OSMEN_DATA_DIR: dataDir,
      // The benchmark's model server is on loopback; a node's Base URL reaches it only when allowlisted.
      OSMEN_HTTP_ALLOWLIST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // Production refuses to start without a vault key; a throwaway one suits a throwaway database.
      OSMEN_SECRET_KEY: process.env.OSMEN_SECRET_KEY ?? randomBytes(32).toString("base64"),
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (await fetch(`${base}/api/health`).then((response) => response.ok, () => false)) return { base, process: child };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not become healthy in 60 s (did `npm run build` run?)");
}

export function stopBenchServer(server: BenchServer): void {
  if (server.process.pid) process.kill(-server.process.pid, "SIGTERM");
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

/**
 * Peak resident memory (VmHWM, KiB) of the server: npx starts `next start` as a child, so the process tree is
 * walked and its largest member taken, which is the Next.js server itself.
 */
export function serverPeakRssKiB(server: BenchServer): number {
  const pending = [server.process.pid!];
  let peak = 0;
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      peak = Math.max(peak, statusField(pid, "VmHWM"));
    } catch {
      continue; // the process ended meanwhile
    }
    pending.push(...childrenOf(pid));
  }
  return peak;
}

/**
 * Follows run.events the way the browser's httpSubscriptionLink does (GET, server-sent events) and records
 * when each marker `m<index>x` first arrives: the server's share of the chunk-to-page latency.
 */
export function followMarkers(base: string, runId: string, now: () => number): { arrived: Map<number, number>; done: Promise<void> } {
  const arrived = new Map<number, number>();
  const input = encodeURIComponent(JSON.stringify({ json: { runId, afterSeq: 0 } }));
  const done = (async () => {
    const response = await fetch(`${base}/api/trpc/run.events?input=${input}`, { headers: { accept: "text/event-stream" } });
    const decoder = new TextDecoder();
    for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
      const time = now();
      for (const match of decoder.decode(part, { stream: true }).matchAll(/m(\d+)x /g)) if (!arrived.has(Number(match[1]))) arrived.set(Number(match[1]), time);
    }
  })();
  return { arrived, done };
}
