// Headless Chromium for the browser benchmarks, launched as the browser tests launch it (no downloads).
import { chromium, type Browser } from "@playwright/test";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/** The system Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium); the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}
