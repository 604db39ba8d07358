import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "./migrate.ts";

const modeOf = (target: string) => statSync(target).mode & 0o777;
const roots: string[] = [];
const scratch = () => {
  const root = mkdtempSync(path.join(tmpdir(), "osmen-modes-"));
  roots.push(root);
  return root;
};
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("SQLite file modes", () => {
  it("creates the data folder 0700 and the database and its WAL files 0600, whatever the umask", async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = path.join(scratch(), "data");
      const file = path.join(dataDir, "osmen.db");
      await migrateDatabase(`file:${file}`, { dataDir });
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(file)).toBe(0o600);
      // SQLite removes its WAL files on a clean close; any left behind must be private too.
      for (const companion of [`${file}-wal`, `${file}-shm`].filter((each) => existsSync(each))) expect(modeOf(companion)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it("tightens a data folder and database an earlier version left readable by others", async () => {
    const dataDir = path.join(scratch(), "data");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const file = path.join(dataDir, "osmen.db");
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    await migrateDatabase(`file:${file}`, { dataDir });
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
  });

  it("leaves an existing folder that is not the data folder as the operator set it", async () => {
    const shared = scratch();
    chmodSync(shared, 0o755);
    const file = path.join(shared, "osmen.db");
    await migrateDatabase(`file:${file}`, { dataDir: path.join(shared, "elsewhere") });
    expect(modeOf(shared)).toBe(0o755);
    expect(modeOf(file)).toBe(0o600);
  });
});
