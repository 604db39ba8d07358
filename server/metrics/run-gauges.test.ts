// The run gauges fed asynchronously, as queue mode feeds them: counts read from BullMQ on a real Redis
// (database 3) at scrape time, and a Redis that does not answer, which must not break the scrape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { connectRedis } from "@/server/queue/redis";
import { closedPortUrl } from "@/testing/closed-port";
import { createMetrics, type RunStats } from "./metrics.ts";

const REDIS_URL = "redis://127.0.0.1:6379/3";
const PREFIX = "osmen-test-run-gauges";

/** The value of one sample line (`name value`), or undefined when the scrape has no such line. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((each) => each.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("run gauges read from Redis at scrape time", () => {
  const connection = connectRedis(REDIS_URL, "bullmq");
  let queue: Queue;
  let reads = 0;
  const countsFrom = (source: Queue): RunStats => async () => {
    reads += 1;
    const counts = await source.getJobCounts("active", "waiting", "prioritized");
    return { running: counts.active ?? 0, queued: (counts.waiting ?? 0) + (counts.prioritized ?? 0) };
  };

  beforeAll(async () => {
    queue = new Queue("runs", { connection, prefix: PREFIX });
    await queue.obliterate({ force: true });
  });
  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    connection.disconnect();
  });

  it("shows the waiting jobs as the queue depth, with one read per scrape", async () => {
    await queue.addBulk([1, 2, 3].map((n) => ({ name: "run", data: {}, opts: { jobId: `run-${n}` } })));
    const metrics = createMetrics(countsFrom(queue));
    reads = 0;
    const text = await metrics.registry.metrics();
    expect(sample(text, "osmen_run_queue_depth")).toBe(3);
    expect(sample(text, "osmen_runs_in_progress")).toBe(0);
    expect(reads).toBe(1);
    await metrics.registry.metrics();
    expect(reads).toBe(2);
  });

  it("still answers the scrape when Redis does not, with NaN for both gauges", async () => {
    const unreachable = connectRedis((await closedPortUrl()).replace("http:", "redis:"), "commands", { retryStrategy: () => null });
    unreachable.on("error", () => undefined);
    const down = new Queue("runs", { connection: unreachable, prefix: PREFIX });
    down.on("error", () => undefined);
    try {
      const text = await createMetrics(countsFrom(down)).registry.metrics();
      expect(sample(text, "osmen_run_queue_depth")).toBeNaN();
      expect(sample(text, "osmen_runs_in_progress")).toBeNaN();
      expect(text).toContain("process_cpu_user_seconds_total");
    } finally {
      await down.close().catch(() => undefined);
      unreachable.disconnect();
    }
  });

  it("reads a plain (local mode) getter as before", async () => {
    const text = await createMetrics(() => ({ running: 2, queued: 1 })).registry.metrics();
    expect(sample(text, "osmen_runs_in_progress")).toBe(2);
    expect(sample(text, "osmen_run_queue_depth")).toBe(1);
  });
});
