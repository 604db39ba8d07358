// The queue runs wait in for a worker: a BullMQ queue whose job id is the run id (so a run is enqueued once
// and can be found and removed by id), plus what BullMQ does not do itself:
// - admission: at most `maxQueuedRuns` runs waiting across every app instance, checked and counted in one
//   Lua script so instances starting runs at the same moment cannot overshoot the bound;
// - cancellation: a run still waiting is removed from the queue; one a worker holds is told through a
//   pub/sub channel every worker listens on, and a key the worker checks when it takes the job (in case the
//   message came before it was listening for that run).
import { Queue, type ConnectionOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { ChatHistory } from "@/lib/flow/chat-history";
import { KEY_PREFIX } from "./redis.ts";

/** The BullMQ queue's name; its keys are `osmen:runs:*`. */
export const RUN_QUEUE = "runs";
/** The channel cancel requests are published on: the message is the run id. */
export const CANCEL_CHANNEL = `${KEY_PREFIX}:run-cancel`;
/** Admitted runs not yet taken by a worker: a sorted set of run ids, scored by admission time (ms). */
const WAITING_KEY = `${KEY_PREFIX}:runs:admitted`;
/**
 * A place in WAITING_KEY older than this is given back even if no worker released it (an app instance that
 * died between admitting a run and enqueuing it), so a lost place cannot shrink the bound for good.
 */
const ADMISSION_TTL_MS = 60 * 60 * 1000;
/** How long a cancel request waits for a worker to take the run it names. */
const CANCEL_KEY_TTL_SECONDS = 3600;

const cancelKey = (runId: string) => `${KEY_PREFIX}:run:${runId}:cancel`;

/** KEYS[1]: the waiting set. ARGV: bound, run id, now (ms), oldest score kept. Answers 1 when admitted. */
const ADMIT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
return 1`;

/** A job's data: what the run needs that its row does not hold. Its input and graph are read from storage. */
export type RunJobData = { history: ChatHistory };

/** The BullMQ options shared by the queue and its workers: the connection and the key prefix. */
export const bullOptions = (connection: ConnectionOptions) => ({ connection, prefix: KEY_PREFIX });

export type RunQueue = {
  /** Holds a waiting place for `runId`; false when `maxQueuedRuns` runs already wait. */
  admit(runId: string): Promise<boolean>;
  /** Gives a waiting place back (a worker took the run, or it was never enqueued). */
  release(runId: string): Promise<void>;
  /** Enqueues a stored, admitted run. */
  enqueue(runId: string, data: RunJobData): Promise<void>;
  /** Removes a run no worker has taken yet; false when a worker holds it (or it is gone). */
  withdraw(runId: string): Promise<boolean>;
  /** Tells whichever worker holds the run, now or when it takes it, to stop it. */
  requestCancel(runId: string): Promise<void>;
  /** Whether a cancel was requested for the run (a worker asks when it takes a job). */
  isCancelRequested(runId: string): Promise<boolean>;
  /** Runs workers are executing, and runs waiting for one, across every instance. */
  counts(): Promise<{ running: number; queued: number }>;
  /** The BullMQ state of a run's job: "unknown" when there is no such job. */
  stateOf(runId: string): Promise<string>;
  close(): Promise<void>;
};

/** `redis`: a command connection; `bullmq`: a connection for BullMQ (server/queue/redis.ts, role "bullmq"). */
export function createRunQueue(redis: Redis, bullmq: Redis, { maxQueuedRuns }: { maxQueuedRuns: number }): RunQueue {
  const queue = new Queue<RunJobData>(RUN_QUEUE, bullOptions(bullmq));
  return {
    async admit(runId) {
      const now = Date.now();
      return (await redis.eval(ADMIT_SCRIPT, 1, WAITING_KEY, maxQueuedRuns, runId, now, now - ADMISSION_TTL_MS)) === 1;
    },
    async release(runId) {
      await redis.zrem(WAITING_KEY, runId);
    },
    async enqueue(runId, data) {
      // One attempt: a run that failed is not run again (its events are already out). Finished jobs are
      // dropped at once; the run's row is the record. Failed ones stay a day for an operator to look at.
      await queue.add("run", data, { jobId: runId, attempts: 1, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } });
    },
    async withdraw(runId) {
      const removed = (await queue.remove(runId)) === 1;
      if (removed) await redis.zrem(WAITING_KEY, runId);
      return removed;
    },
    async requestCancel(runId) {
      await redis.multi().set(cancelKey(runId), "1", "EX", CANCEL_KEY_TTL_SECONDS).publish(CANCEL_CHANNEL, runId).exec();
    },
    async isCancelRequested(runId) {
      return (await redis.exists(cancelKey(runId))) === 1;
    },
    async counts() {
      const counts = await queue.getJobCounts("active", "waiting", "prioritized", "delayed");
      return { running: counts.active ?? 0, queued: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0) };
    },
    stateOf: (runId) => queue.getJobState(runId),
    close: () => queue.close(),
  };
}
