// The command line reads the .env files the server reads, so it acts on the server's database.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repo = path.resolve(__dirname, "..");
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe("npm run osmen", () => {
  it("uses the DATABASE_URL in .env, as the server does, and the environment's over it", () => {
    const project = mkdtempSync(path.join(tmpdir(), "osmen-env-"));
    folders.push(project);
    symlinkSync(path.join(repo, "prisma"), path.join(project, "prisma"));
    const fromEnvFile = path.join(project, "from-env-file.db");
    writeFileSync(path.join(project, ".env"), `DATABASE_URL=file:${fromEnvFile}\nOSMEN_DATA_DIR=${project}\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json") };
    delete env.DATABASE_URL;
    delete env.OSMEN_DATA_DIR;
    const osmen = (extra: Record<string, string> = {}) =>
      execFileSync(path.join(repo, "node_modules/.bin/tsx"), [path.join(repo, "scripts/osmen.ts"), "api-key", "list"], { cwd: project, env: { ...env, ...extra }, encoding: "utf8" });

    expect(osmen()).toContain("No API keys yet.");
    expect(existsSync(fromEnvFile)).toBe(true);

    const fromEnvironment = path.join(project, "from-environment.db");
    osmen({ DATABASE_URL: `file:${fromEnvironment}` });
    expect(existsSync(fromEnvironment)).toBe(true);
  });
});
