import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// Browser tests run Debian's Chromium against a production build with its own database, so they never
// touch ./data. `npm run build` must have run first (.ci/run does).
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? "/tmp/osmen-e2e";
// A second server, on the next port, runs in accounts mode (sign-in required) for e2e/accounts.spec.ts and
// e2e/isolation.spec.ts (in that order: the first signs up the server's first account, the admin).
const accountsPort = Number(process.env.E2E_ACCOUNTS_PORT ?? port + 1);
const accountsDataDir = `${dataDir}-accounts`;
const accountsSpecs = /(accounts|isolation)\.spec\.ts/;
const serverEnv = (folder: string) => ({
  DATABASE_URL: `file:${folder}/e2e.db`,
  OSMEN_DATA_DIR: folder,
  NEXT_TELEMETRY_DISABLED: "1",
  // The tests' model servers listen on loopback; a node's Base URL reaches them only when allowlisted.
  OSMEN_HTTP_ALLOWLIST: "127.0.0.1",
  // One origin whose pages may call /api/v1 (e2e/boundary.spec.ts checks CORS for it and for others).
  OSMEN_CORS_ORIGINS: "https://partner.example",
  // Production refuses to start without a vault key; each test run gets a fresh one.
  OSMEN_SECRET_KEY: process.env.OSMEN_SECRET_KEY ?? randomBytes(32).toString("base64"),
});

export default defineConfig({
  testDir: "e2e",
  // e2e/queue holds Vitest files (npm run test:queue), not browser tests.
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  projects: [
    { name: "local", testIgnore: accountsSpecs, use: { baseURL: `http://127.0.0.1:${port}` } },
    { name: "accounts", testMatch: accountsSpecs, use: { baseURL: `http://127.0.0.1:${accountsPort}` } },
  ],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `rm -rf ${dataDir} && npx next start -H 127.0.0.1 -p ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv(dataDir),
    },
    {
      command: `rm -rf ${accountsDataDir} && npx next start -H 127.0.0.1 -p ${accountsPort}`,
      url: `http://127.0.0.1:${accountsPort}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...serverEnv(accountsDataDir), OSMEN_AUTH: "accounts", HOST: "127.0.0.1" },
    },
  ],
});
