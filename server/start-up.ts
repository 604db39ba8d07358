// Server start: check the environment, the auth mode and the vault key, migrate the database, then settle
// runs an earlier process left behind. Each step says what it found in the server's log (JSON lines, or pretty
// in development), with `step` naming it.
import { getApp } from "@/server/app";
import { loadServerEnv } from "@/server/env.mjs";
import { getVault } from "@/server/secrets";
import { getAuth, getAuthMode } from "@/server/auth/app-auth";
import { stampPeerAddresses } from "@/server/http/peer-address";
import { createLogger, getLogger, type Logger } from "@/server/log/logger";

// First, so that the failed-sign-in limit sees each request's real address rather than one it claims.
stampPeerAddresses();

let logger: Logger;
try {
  loadServerEnv();
  logger = getLogger();
} catch (error) {
  // next.config.mjs checks this too; a server started another way still stops here with the same message.
  // The process's logger reads the environment that just failed, so this line gets one that reads nothing.
  createLogger({ level: "info", isPretty: process.env.NODE_ENV === "development" }).fatal({ step: "env" }, (error as Error).message);
  process.exit(1);
}

try {
  // Refuses local mode on an address other machines can reach; in accounts mode, loads (or creates) the
  // session secret now so a bad one stops the server instead of the first sign-in.
  const mode = getAuthMode();
  if (mode === "accounts") getAuth();
  logger.info({ step: "auth", mode }, mode === "local" ? "local mode: one implicit owner, no sign-in (loopback only)" : "accounts mode: sign-in required");
} catch (error) {
  logger.fatal({ step: "auth" }, (error as Error).message);
  process.exit(1);
}

try {
  getVault();
} catch (error) {
  // Without a key no credential can be read or written; in production that is a setup error to fix first.
  logger.fatal({ step: "vault" }, (error as Error).message);
  process.exit(1);
}

try {
  await getApp().ready();
} catch (error) {
  // Keep serving: the health probe reports the database, and requests try again.
  logger.error({ step: "db" }, `start-up preparation failed: ${(error as Error).message}`);
}
