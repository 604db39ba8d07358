// Queue mode's shared parts for one process (an app instance or a worker): its three Redis connections, the
// run queue, and a run's live stream, written and followed. Built once per process from REDIS_URL
// (server/app.ts for app instances, server/queue/worker-process.ts for workers).
import type { Redis } from "ioredis";
import { connectRedis, pingRedis } from "./redis.ts";
import { createRunQueue, type RunQueue } from "./run-queue.ts";
import { createRunStreamFollower, createRunStreamPublisher, type RunStreamFollower, type RunStreamPublisher } from "./run-streams.ts";

export type QueueMode = {
  /** The command connection (streams, admission, rate-limit budgets). */
  redis: Redis;
  /** The subscriber connection: run events followed here, cancel requests on workers. */
  subscriber: Redis;
  /** BullMQ's connection (its workers duplicate it for their blocking reads). */
  bullmq: Redis;
  queue: RunQueue;
  publisher: RunStreamPublisher;
  follower: RunStreamFollower;
  /** Resolves when Redis answers (readiness). @throws when it does not within 2 s. */
  ping(): Promise<void>;
  /** Runs waiting for a worker, across every instance (osmen_run_queue_depth). */
  waitingRuns(): Promise<number>;
  /** Closes the queue and every connection. */
  close(): Promise<void>;
};

/** `url`: REDIS_URL. `maxQueuedRuns`: OSMEN_MAX_QUEUED_RUNS, the bound on runs waiting across instances. */
export function connectQueueMode(url: string, { maxQueuedRuns }: { maxQueuedRuns: number }): QueueMode {
  const redis = connectRedis(url, "commands");
  const subscriber = connectRedis(url, "subscriber");
  const bullmq = connectRedis(url, "bullmq");
  const queue = createRunQueue(redis, bullmq, { maxQueuedRuns });
  const follower = createRunStreamFollower(redis, subscriber);
  return {
    redis,
    subscriber,
    bullmq,
    queue,
    publisher: createRunStreamPublisher(redis),
    follower,
    ping: () => pingRedis(redis),
    waitingRuns: async () => (await queue.counts()).queued,
    async close() {
      await follower.close();
      await queue.close();
      await Promise.all([redis, subscriber, bullmq].map((connection) => connection.quit().catch(() => connection.disconnect())));
    },
  };
}
