// The server's start-up module as Next.js runs it (instrumentation.ts), in a process of its own: what each
// step finds goes to the JSON log on stdout, and a setup error stops the process with a line naming the fix.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "osmen-start-up-"));

type Line = { level: number; msg: string; step?: string; mode?: string };

/**
 * Runs server/start-up.ts with only `env` set; resolves with its exit code and the JSON lines it logged,
 * once it exits or once a line satisfies `until` (then the process is stopped: a healthy start keeps running).
 */
function startUp(env: Record<string, string>, until?: (line: Line) => boolean): Promise<{ code: number | null; lines: Line[] }> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["server/start-up.ts"], { cwd: root, env: { PATH: process.env.PATH, NODE_ENV: "production", ...env } });
  const lines: Line[] = [];
  let buffered = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const complete = buffered.split("\n");
      buffered = complete.pop() ?? "";
      for (const text of complete.filter(Boolean)) {
        const line = JSON.parse(text) as Line;
        lines.push(line);
        if (until?.(line)) child.kill();
      }
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, lines }));
  });
}

describe("server start-up", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("logs the environment's problems as one fatal JSON line and exits 1", { timeout: 90_000 }, async () => {
    const { code, lines } = await startUp({ OSMEN_RUN_TIMEOUT_MS: "soon" });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ level: 60, step: "env", msg: expect.stringContaining("OSMEN_RUN_TIMEOUT_MS: must be a whole number") })]);
  });

  it("refuses local mode on a network address, naming both fixes", { timeout: 90_000 }, async () => {
    const { code, lines } = await startUp({ OSMEN_AUTH: "local", HOST: "0.0.0.0", OSMEN_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ level: 60, step: "auth", msg: expect.stringMatching(/HOST=127\.0\.0\.1.*OSMEN_AUTH=accounts/) })]);
  });

  it("says which auth mode it runs in", { timeout: 90_000 }, async () => {
    const { lines } = await startUp({ DATABASE_URL: `file:${path.join(dataDir, "osmen.db")}`, OSMEN_DATA_DIR: dataDir }, (line) => line.step === "auth");
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, step: "auth", mode: "local", msg: "local mode: one implicit owner, no sign-in (loopback only)" }));
  });
});
