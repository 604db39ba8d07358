import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { runDailyBrief } from "./daily-brief";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

let ollama: ScriptedServer;
let google: GoogleServer;
beforeAll(async () => {
  [ollama, google] = await Promise.all([startOllamaServer({ models: ["llama3.2"], rejectUnknownModels: true }), startGoogleServer()]);
});
afterAll(() => Promise.all([ollama.close(), google.close()]));

function spawnCommand(args: string[], env: Record<string, string> = {}) {
  // The command must see only the Google settings a test gives it, never the developer's own.
  // A throwaway database and data folder: without Google settings the command looks for a stored connection.
  const scratch = mkdtempSync(path.join(tmpdir(), "osmen-brief-"));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, OLLAMA_HOST: ollama.url, DATABASE_URL: `file:${scratch}/brief.db`, OSMEN_DATA_DIR: scratch, ...env };
  for (const name of Object.keys(childEnv)) if (name.startsWith("GOOGLE_") && !(name in env)) delete childEnv[name];
  return run(tsx, ["scripts/daily-brief.ts", ...args], { cwd: root, env: childEnv, timeout: 60_000 });
}

describe("npm run daily-brief", () => {
  it("prints a brief written by the local Ollama-protocol server from sample data", async () => {
    ollama.reset();
    ollama.enqueue({ text: "## Schedule\n- 08:30 Team standup\n## Priorities\n- Review the roadmap" });
    const { stdout, stderr } = await spawnCommand(["--provider", "ollama", "--sample-data", "--date", "2026-11-25", "--time-zone", "UTC"]);
    expect(stdout).toContain("## Schedule\n- 08:30 Team standup");
    expect(stdout).toContain("- Google Calendar: 7 events on Wednesday 25 November 2026 — sample data");
    expect(stderr).toContain("Writing the Daily Brief with ollama from sample data");
    const prompt = ollama.requests.find((request) => request.path === "/api/chat")!.body.messages.at(-1).content as string;
    expect(prompt).toContain("Design review: onboarding flow");
  }, 60_000);

  it("reads Google with the refresh token from the environment", async () => {
    google.setEvents("primary", [{ summary: "Dentist", start: "2026-11-25T15:00:00Z", end: "2026-11-25T16:00:00Z" }]);
    ollama.enqueue({ text: "Dentist at 15:00." });
    const env = {
      GOOGLE_CLIENT_ID: "test-client-id",
      GOOGLE_CLIENT_SECRET: "test-client-secret",
      GOOGLE_REFRESH_TOKEN: "test-refresh-token",
      OSMEN_GOOGLE_TOKEN_URL: google.tokenUrl,
      OSMEN_GOOGLE_API_ROOT: google.url,
    };
    const { stdout } = await spawnCommand(["--no-gmail", "--date", "2026-11-25", "--time-zone", "UTC"], env);
    expect(stdout).toContain("Dentist at 15:00.");
    expect(stdout).toContain("- Google Calendar: 1 event on Wednesday 25 November 2026\n- Gmail: not included");
  }, 60_000);

  it("reads today in the calendar's own time zone when none is given, whatever the server's zone", async () => {
    const todayThere = DateTime.now().setZone("America/Los_Angeles").toISODate()!;
    const at = (time: string) => DateTime.fromISO(`${todayThere}T${time}`, { zone: "America/Los_Angeles" }).toISO()!;
    google.setCalendarTimeZone("primary", "America/Los_Angeles");
    google.setEvents("primary", [{ summary: "Evening call", start: at("18:00"), end: at("18:30") }]);
    ollama.reset();
    ollama.enqueue({ text: "Call at 18:00." });
    const env = {
      GOOGLE_CLIENT_ID: "test-client-id",
      GOOGLE_CLIENT_SECRET: "test-client-secret",
      GOOGLE_REFRESH_TOKEN: "test-refresh-token",
      OSMEN_GOOGLE_TOKEN_URL: google.tokenUrl,
      OSMEN_GOOGLE_API_ROOT: google.url,
      TZ: "UTC",
    };
    const { stdout } = await spawnCommand(["--no-gmail"], env);
    expect(stdout).toContain("- Google Calendar: 1 event on");
    const prompt = ollama.requests.find((request) => request.path === "/api/chat")!.body.messages.at(-1).content as string;
    expect(prompt).toContain("(America/Los_Angeles, the calendar's time zone)");
    expect(prompt).toContain("- 18:00–18:30 Evening call");
    google.setCalendarTimeZone("primary", "UTC");
  }, 60_000);

  it("explains what is missing instead of failing obscurely", async () => {
    const errors: string[] = [];
    const options = { env: {}, out: () => undefined, err: (text: string) => void errors.push(text) };
    expect(await runDailyBrief([], options)).toBe(2);
    expect(errors.join("")).toMatch(/No Google access: connect Google in Settings, or set GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_REFRESH_TOKEN, or run with --sample-data/);
    expect(await runDailyBrief(["--provider", "llama"], options)).toBe(2);
    expect(errors.join("")).toContain('Unknown provider "llama"');
  });

  it("names the model problem when the local server does not have the model", async () => {
    await expect(spawnCommand(["--sample-data", "--model", "missing-model"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Could not write the brief: .*missing-model/),
    });
  }, 60_000);
});
