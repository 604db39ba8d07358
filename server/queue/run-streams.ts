// A run's live events in queue mode: one Redis stream per run, each entry's id the event's seq (`<seq>-0`),
// so any app instance can replay from any seq with one XRANGE; and one pub/sub channel per run that carries
// each event as it is added, so a watcher follows without polling. A watcher subscribes first and reads the
// stream second, and drops what it has already seen by seq: every event arrives once, in order, whichever
// instance it watches from. The worker writes the stored copy (PostgreSQL); the stream is kept while the run
// lives and for ENDED_STREAM_TTL_SECONDS after its last event, then storage alone answers.
import type { Redis } from "ioredis";
import { createEventQueue } from "@/lib/engine/event-sink";
import { terminalEventTypes, type RunEvent } from "@/lib/engine/events";
import { KEY_PREFIX } from "./redis.ts";

/** How long a run's stream outlives its last event: long enough for a watcher that was reading it to finish. */
export const ENDED_STREAM_TTL_SECONDS = 120;
/** Entries per XRANGE page. */
const PAGE_SIZE = 1000;

const streamKey = (runId: string) => `${KEY_PREFIX}:run:${runId}:events`;
const channelOf = (runId: string) => `${KEY_PREFIX}:run:${runId}:live`;
/** A stream entry id for an event: its seq is the id's time part, so ids grow with seq. */
const entryId = (seq: number) => `${seq}-0`;

const parseEntry = ([, fields]: [string, string[]]): RunEvent => JSON.parse(fields[1]!) as RunEvent;

/** The events of a run's stream from `fromSeq` on, in order (all of them when the run is short). */
async function readStream(redis: Redis, runId: string, fromSeq: number): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  let from = fromSeq;
  for (;;) {
    const entries = (await redis.xrange(streamKey(runId), entryId(from), "+", "COUNT", PAGE_SIZE)) as [string, string[]][];
    events.push(...entries.map(parseEntry));
    if (entries.length < PAGE_SIZE) return events;
    from = events.at(-1)!.seq + 1;
  }
}

export type RunStreamPublisher = {
  /**
   * Adds an event to its run's stream and announces it. Commands go out in call order on one connection, so
   * events land in seq order without awaiting each; the promise is for errors.
   */
  publish(event: RunEvent): Promise<void>;
  /** Lets the run's stream expire ENDED_STREAM_TTL_SECONDS from now (after its last event). */
  end(runId: string): Promise<void>;
  /** Every event in the run's stream (stall recovery copies what storage lacks). */
  read(runId: string, fromSeq?: number): Promise<RunEvent[]>;
};

/** `redis`: a command connection (server/queue/redis.ts). */
export function createRunStreamPublisher(redis: Redis): RunStreamPublisher {
  return {
    async publish(event) {
      const text = JSON.stringify(event);
      const results = await redis.pipeline().xadd(streamKey(event.runId), entryId(event.seq), "event", text).publish(channelOf(event.runId), text).exec();
      const failure = results?.find(([error]) => error)?.[0];
      // An entry that is already there (a retried write) is not an error worth stopping for.
      if (failure && !/equal or smaller/.test(failure.message)) throw failure;
    },
    async end(runId) {
      await redis.expire(streamKey(runId), ENDED_STREAM_TTL_SECONDS);
    },
    read: (runId, fromSeq = 1) => readStream(redis, runId, fromSeq),
  };
}

/**
 * Why `follow` stopped: the run's last event was delivered, nothing came for `idleMs`, the stream lacks the
 * next event (it was lost with Redis's data: read storage, then follow again), or the signal aborted.
 */
export type FollowEnd = "ended" | "idle" | "gap" | "aborted";

export type RunStreamFollower = {
  /**
   * Yields the run's events after `afterSeq`, each once and in order, until its last event ("ended"), until
   * nothing arrives for `idleMs` ("idle": the caller checks storage, since the run may have ended without a
   * stream, and follows again), until the stream lacks the next event ("gap") or until `signal` aborts.
   */
  follow(runId: string, afterSeq: number, options: { idleMs: number; signal?: AbortSignal }): AsyncGenerator<RunEvent, FollowEnd>;
  /** Unsubscribes from everything (shutdown). */
  close(): Promise<void>;
};

/**
 * `redis`: a command connection; `subscriber`: a connection of its own, which this follower puts into
 * subscriber mode and shares among every watcher of this process (one SUBSCRIBE per watched run).
 */
export function createRunStreamFollower(redis: Redis, subscriber: Redis): RunStreamFollower {
  const listeners = new Map<string, Set<(event: RunEvent) => void>>();
  subscriber.on("message", (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set) return;
    const event = JSON.parse(message) as RunEvent;
    for (const listener of set) listener(event);
  });

  async function listen(runId: string, listener: (event: RunEvent) => void): Promise<() => void> {
    const channel = channelOf(runId);
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    // Subscribing again is harmless and resolves once Redis confirms, so nothing published after this is missed.
    await subscriber.subscribe(channel);
    return () => {
      set.delete(listener);
      if (set.size > 0 || listeners.get(channel) !== set) return;
      listeners.delete(channel);
      subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  async function* follow(runId: string, afterSeq: number, { idleMs, signal }: { idleMs: number; signal?: AbortSignal }): AsyncGenerator<RunEvent, FollowEnd> {
    if (signal?.aborted) return "aborted";
    const queue = createEventQueue<RunEvent>();
    const unlisten = await listen(runId, (event) => queue.push(event));
    let lastSeq = afterSeq;
    const stopped = new Promise<"aborted">((resolve) => {
      if (signal?.aborted) resolve("aborted");
      else signal?.addEventListener("abort", () => resolve("aborted"), { once: true });
    });
    try {
      // What is in the stream now, then whatever the channel brings after it; a gap (a message lost while the
      // subscriber reconnected) is filled from the stream.
      const unseen = async (): Promise<RunEvent[]> => (await readStream(redis, runId, lastSeq + 1)).filter((event) => event.seq > lastSeq);
      let batch = await unseen();
      const iterator = queue.iterable[Symbol.asyncIterator]();
      let next = iterator.next();
      for (;;) {
        // The stream lacks events before what it has (Redis restarted empty): storage has them, not Redis.
        if (batch.length > 0 && batch[0]!.seq > lastSeq + 1) return "gap";
        for (const event of batch) {
          lastSeq = event.seq;
          yield event;
          if (terminalEventTypes.has(event.type)) return "ended";
        }
        let timer: ReturnType<typeof setTimeout> | undefined;
        const idle = new Promise<"idle">((resolve) => (timer = setTimeout(() => resolve("idle"), idleMs)));
        const outcome = await Promise.race([next, idle, stopped]).finally(() => clearTimeout(timer));
        if (outcome === "idle" || outcome === "aborted") return outcome;
        next = iterator.next();
        const event = outcome.value as RunEvent;
        batch = event.seq <= lastSeq ? [] : event.seq === lastSeq + 1 ? [event] : await unseen();
      }
    } finally {
      unlisten();
      queue.close();
    }
  }

  return {
    follow,
    async close() {
      listeners.clear();
      await subscriber.unsubscribe().catch(() => undefined);
    },
  };
}
