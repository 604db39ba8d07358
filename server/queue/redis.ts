// Queue mode's Redis connections. One process holds a few, each for one use: commands (streams, admission,
// rate-limit budgets), a subscriber (pub/sub connections can do nothing else), and BullMQ's own. Every key
// this app writes starts with KEY_PREFIX, so a Redis shared with other software stays tidy.
import { Redis, type RedisOptions } from "ioredis";
import { getLogger } from "@/server/log/logger";

/** The prefix of every key and channel queue mode uses (BullMQ's queue keys included). */
export const KEY_PREFIX = "osmen";

/** What a connection is for; named in CLIENT LIST so an operator can tell them apart. */
export type RedisRole = "commands" | "subscriber" | "bullmq";

/**
 * A connection to `url` (redis:// or rediss://). BullMQ's connections must not give up on a command while
 * Redis is away (`maxRetriesPerRequest: null`, BullMQ's documented requirement for workers); the others fail
 * a command after a few tries so a request answers with an error instead of hanging.
 */
export function connectRedis(url: string, role: RedisRole, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    connectionName: `osmen-${role}`,
    maxRetriesPerRequest: role === "commands" ? 3 : null,
    enableReadyCheck: true,
    ...options,
  });
  // ioredis reconnects by itself; without a listener each failed attempt would also print "Unhandled error
  // event". Reported once per outage, not once per attempt; readiness names Redis meanwhile.
  let isDown = false;
  redis.on("error", (error: Error) => {
    if (isDown) return;
    isDown = true;
    getLogger().warn({ role, err: { message: error.message } }, "Redis connection lost; reconnecting");
  });
  redis.on("ready", () => {
    if (isDown) getLogger().info({ role }, "Redis connection restored");
    isDown = false;
  });
  return redis;
}

/** Pings Redis; resolves on PONG. @throws the connection's error, or a timeout after `timeoutMs`. */
export async function pingRedis(redis: Redis, timeoutMs = 2000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([redis.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
