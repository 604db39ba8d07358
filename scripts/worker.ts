// `npm run worker`: executes queued runs (queue mode, README "Queue mode"). Reads .env like the app does.
import nextEnv from "@next/env";

// Before anything reads the environment (the logger reads LOG_LEVEL when first used).
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => undefined, error: console.error });
const { getLogger } = await import("@/server/log/logger");
const { startWorkerProcess } = await import("@/server/queue/worker-process");

/** A signal this soon after the first is the same one delivered twice (through npm), not a second request. */
const REPEATED_SIGNAL_MS = 1000;

const logger = getLogger();
try {
  const running = await startWorkerProcess();
  let stoppingSince: number | undefined;
  const stop = (signal: string) => {
    if (stoppingSince !== undefined) {
      // One signal can arrive twice: Ctrl-C or `kill -- -<group>` reaches this process and npm, which passes it
      // on a moment later. Only a signal sent again on purpose, after that moment, skips the graceful stop.
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stoppingSince = Date.now();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "worker did not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} catch (error) {
  logger.fatal({ err: error }, (error as Error).message);
  process.exit(1);
}
