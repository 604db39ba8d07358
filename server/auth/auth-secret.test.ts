import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH_SECRET_FILE_NAME, loadAuthSecret } from "./auth-secret.ts";

describe("loadAuthSecret", () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const dataDir = () => {
    const folder = mkdtempSync(path.join(tmpdir(), "osmen-auth-secret-"));
    folders.push(folder);
    return path.join(folder, "data");
  };

  it("uses BETTER_AUTH_SECRET when set and writes no file", () => {
    const dir = dataDir();
    expect(loadAuthSecret({ envSecret: "x".repeat(40), dataDir: dir })).toEqual({ secret: "x".repeat(40), source: "env" });
    expect(() => statSync(path.join(dir, AUTH_SECRET_FILE_NAME))).toThrow();
  });

  it("generates a secret file with mode 0600, then reads the same secret back", () => {
    const dir = dataDir();
    const first = loadAuthSecret({ dataDir: dir });
    expect(first.source).toBe("generated");
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    expect(loadAuthSecret({ dataDir: dir })).toEqual({ secret: first.secret, source: "file", path: first.path });
  });

  it("rejects a file too short to sign with, saying how to fix it", () => {
    const dir = dataDir();
    loadAuthSecret({ dataDir: dir });
    writeFileSync(path.join(dir, AUTH_SECRET_FILE_NAME), "short\n");
    expect(() => loadAuthSecret({ dataDir: dir })).toThrow(/at least 32.*BETTER_AUTH_SECRET/);
  });
});
