// What queue-mode tests run on: this project's machines all run PostgreSQL and Redis (.ci/run starts them if
// they are not running), so these tests use them by default; TEST_DATABASE_URL and TEST_REDIS_URL point
// elsewhere.
import { createPostgres } from "./databases.ts";

const DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres";
const DEFAULT_REDIS = "redis://127.0.0.1:6379";

/** A fresh, migrated PostgreSQL database (queue mode refuses SQLite). */
export function queueTestDatabase() {
  return createPostgres(process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES);
}

/**
 * The Redis URL of logical database `index` (1-15): each test file takes its own, so files running side by
 * side never see each other's queues.
 */
export function queueTestRedisUrl(index: number): string {
  const url = new URL(process.env.TEST_REDIS_URL ?? DEFAULT_REDIS);
  url.pathname = `/${index}`;
  return url.toString();
}
