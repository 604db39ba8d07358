// The app's own start check, as `next dev`/`next start` run it: next.config.mjs loads the environment schema.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

async function loadNextConfig(env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: "production", ...env };
  try {
    await run(process.execPath, ["--input-type=module", "-e", "await import('./next.config.mjs')"], { cwd: root, env: childEnv, timeout: 30_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("starting with OLLAMA_HOST as Ollama documents it", () => {
  it.each(["0.0.0.0", "0.0.0.0:11434", ":11434", "ollama.internal:11434"])("starts with OLLAMA_HOST=%s", async (host) => {
    expect(await loadNextConfig({ OLLAMA_HOST: host })).toEqual({ code: 0, stderr: "" });
  });

  it("refuses a value that is no host, naming the variable and a valid example", async () => {
    const result = await loadNextConfig({ OLLAMA_HOST: "http://bad host", OSMEN_RUN_TIMEOUT_MS: "soon" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('OLLAMA_HOST: "http://bad host" is not a host; e.g. 127.0.0.1:11434');
    expect(result.stderr).toContain("OSMEN_RUN_TIMEOUT_MS: must be a whole number, e.g. 1800000");
  });
});
