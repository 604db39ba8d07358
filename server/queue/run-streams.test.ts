import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { RunEvent } from "@/lib/engine/events";
import { queueTestRedisUrl } from "@/testing/queue-mode";
import { createRunStreamFollower, createRunStreamPublisher, type FollowEnd } from "./run-streams.ts";

const url = queueTestRedisUrl(6);
const redis = new Redis(url);
const subscriber = new Redis(url);
const publisher = createRunStreamPublisher(redis);
const follower = createRunStreamFollower(redis, subscriber);

const at = "2026-11-30T10:00:00.000Z";
const delta = (seq: number, text = `t${seq}`): RunEvent => ({ runId: "run-1", seq, at, type: "node.delta", nodeId: "llm", text });
const end = (seq: number): RunEvent => ({ runId: "run-1", seq, at, type: "run.cancelled", reason: "stopped", durationMs: 1 });

async function drain(generator: AsyncGenerator<RunEvent, FollowEnd>): Promise<{ events: RunEvent[]; end: FollowEnd }> {
  const events: RunEvent[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { events, end: next.value };
    events.push(next.value);
  }
}

describe("run streams", () => {
  beforeEach(async () => void (await redis.flushdb()));
  afterAll(async () => {
    await follower.close();
    redis.disconnect();
    subscriber.disconnect();
  });

  it("replays after a seq, then follows to the last event, each event once even when replay and channel overlap", async () => {
    for (const seq of [1, 2, 3]) await publisher.publish(delta(seq));
    const following = drain(follower.follow("run-1", 1, { idleMs: 5000 }));
    for (const seq of [4, 5]) await publisher.publish(delta(seq));
    await publisher.publish(end(6));
    const { events, end: why } = await following;
    expect(events.map((event) => event.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(why).toBe("ended");
  });

  it("fills a gap the channel left (a message lost while reconnecting) from the stream", async () => {
    await publisher.publish(delta(1));
    const following = drain(follower.follow("run-1", 0, { idleMs: 5000 }));
    // Seq 2 reaches the stream but its announcement is lost; seq 3's arrives.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await redis.xadd("osmen:run:run-1:events", "2-0", "event", JSON.stringify(delta(2)));
    await publisher.publish(end(3));
    const { events } = await following;
    expect(events.map((event) => [event.seq, event.type])).toEqual([
      [1, "node.delta"],
      [2, "node.delta"],
      [3, "run.cancelled"],
    ]);
  });

  it("answers gap when the stream lacks the next event (Redis restarted empty), so the caller reads storage", async () => {
    for (const seq of [6, 7]) await publisher.publish(delta(seq));
    const { events, end: why } = await drain(follower.follow("run-1", 2, { idleMs: 5000 }));
    expect(events).toEqual([]);
    expect(why).toBe("gap");
  });

  it("answers idle when nothing comes, and aborted when its signal aborts", async () => {
    expect((await drain(follower.follow("run-1", 0, { idleMs: 100 }))).end).toBe("idle");
    const controller = new AbortController();
    const following = drain(follower.follow("run-1", 0, { idleMs: 60_000, signal: controller.signal }));
    controller.abort();
    expect((await following).end).toBe("aborted");
  });

  it("keeps an ended run's stream for a while only", async () => {
    await publisher.publish(end(1));
    await publisher.end("run-1");
    const ttl = await redis.ttl("osmen:run:run-1:events");
    expect(ttl).toBeGreaterThan(0);
    expect(await publisher.read("run-1")).toEqual([end(1)]);
  });
});
