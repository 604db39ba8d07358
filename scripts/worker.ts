// `npm run worker`: executes queued runs (queue mode, README "Queue mode"). Reads .env like the app does.
import nextEnv from "@next/env";

// Before anything reads the environment (the logger reads LOG_LEVEL when first used).
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => undefined, error: console.error });
const { getLogger } = await import("@/server/log/logger");
const { startWorkerProcess } = await import("@/server/queue/worker-process");

const logger = getLogger();
try {
  const running = await startWorkerProcess();
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    isStopping = true;
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
