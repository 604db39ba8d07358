import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createVault, loadSecretKey, parseSecretKey } from "./index";

const folders: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "osmen-key-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("loadSecretKey", () => {
  it("takes OSMEN_SECRET_KEY when set", () => {
    const key = randomBytes(32);
    const loaded = loadSecretKey({ env: { OSMEN_SECRET_KEY: key.toString("base64") }, isProduction: true });
    expect(loaded.source).toBe("env");
    expect(loaded.key.equals(key)).toBe(true);
  });

  it("explains a key that is not 32 bytes of base64", () => {
    const short = randomBytes(16).toString("base64");
    expect(() => loadSecretKey({ env: { OSMEN_SECRET_KEY: short } })).toThrowError(/decodes to 16 bytes.*openssl rand -base64 32/);
    expect(() => loadSecretKey({ env: { OSMEN_SECRET_KEY: "not base64 at all!" } })).toThrowError(/not base64/);
  });

  it("tightens an existing key's folder and file left readable by others", () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    const keyPath = path.join(dataDir, "secret.key");
    writeFileSync(keyPath, randomBytes(32).toString("base64"));
    chmodSync(keyPath, 0o644);
    expect(loadSecretKey({ env: { OSMEN_DATA_DIR: dataDir } }).source).toBe("file");
    expect(modeOf(keyPath)).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it("generates a key file with mode 0600 in a 0700 folder on first start, then reuses it", () => {
    const dataDir = path.join(tempDir(), "data");
    const first = loadSecretKey({ env: { OSMEN_DATA_DIR: dataDir } });
    expect(first.source).toBe("generated");
    expect(first.path).toBe(path.join(dataDir, "secret.key"));
    expect(modeOf(first.path!)).toBe(0o600);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(parseSecretKey(readFileSync(first.path!, "utf8"))).toHaveLength(32);

    const second = loadSecretKey({ env: { OSMEN_DATA_DIR: dataDir }, isProduction: true });
    expect(second.source).toBe("file");
    expect(second.key.equals(first.key)).toBe(true);
    const payload = createVault(first.key).encrypt("survives a restart");
    expect(createVault(second.key).decrypt(payload)).toBe("survives a restart");
  });

  it("refuses a production start with neither a key nor a key file, saying how to set one", () => {
    const dataDir = path.join(tempDir(), "data");
    expect(() => loadSecretKey({ env: { OSMEN_DATA_DIR: dataDir }, isProduction: true })).toThrowError(
      /OSMEN_SECRET_KEY is unset.*openssl rand -base64 32/,
    );
    expect(() => statSync(dataDir)).toThrow();
  });

  it("tightens a key file readable by others and says so", () => {
    const dataDir = tempDir();
    const keyPath = path.join(dataDir, "secret.key");
    writeFileSync(keyPath, randomBytes(32).toString("base64"));
    chmodSync(keyPath, 0o644);
    const loaded = loadSecretKey({ env: {}, dataDir });
    expect(loaded.source).toBe("file");
    expect(modeOf(keyPath)).toBe(0o600);
    expect(loaded.warnings.join(" ")).toMatch(/mode 644/);
  });

  it("names a damaged key file", () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, "secret.key"), "abc");
    expect(() => loadSecretKey({ env: {}, dataDir })).toThrowError(/key file .*secret\.key decodes to 2 bytes/);
  });
});
