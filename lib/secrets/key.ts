// Where the vault's key comes from. Order: OSMEN_SECRET_KEY, else the key file in the data folder, else
// (outside production) a new key file. Production never invents a key: a key generated on a throwaway
// container disk would silently make every stored credential unreadable after the next deploy.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEY_BYTES, keyIdOf } from "./cipher";
import { SecretError } from "./errors";

export const KEY_FILE_NAME = "secret.key";
const HOW_TO_SET =
  "Set OSMEN_SECRET_KEY to 32 random bytes in base64 (generate one with `openssl rand -base64 32`), " +
  "or place such a key in <OSMEN_DATA_DIR>/secret.key (mode 0600).";

export type SecretKeySource = "env" | "file" | "generated";

export type LoadedSecretKey = {
  key: Buffer;
  source: SecretKeySource;
  /** The key file, when the key came from (or was written to) one. */
  path?: string;
  /** Short, non-secret fingerprint, safe to log: tells at a glance whether two servers share a key. */
  keyId: string;
  /** Things worth a log line, e.g. a key file whose permissions were too open and were tightened. */
  warnings: string[];
};

export type LoadSecretKeyOptions = {
  env?: Record<string, string | undefined>;
  /** In production a missing key is fatal instead of generated. */
  isProduction?: boolean;
  /** Overrides OSMEN_DATA_DIR (default "./data", relative to the working directory). */
  dataDir?: string;
};

/** Decodes a base64 (or base64url) key and insists on exactly 32 bytes. `label` names where it came from. */
export function parseSecretKey(text: string, label = "OSMEN_SECRET_KEY"): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new SecretError("invalid_key", `${label} is not base64. ${HOW_TO_SET}`);
  }
  const key = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== KEY_BYTES) {
    throw new SecretError("invalid_key", `${label} decodes to ${key.length} bytes; it must be exactly ${KEY_BYTES}. ${HOW_TO_SET}`);
  }
  return key;
}

export function resolveDataDir(options: LoadSecretKeyOptions): string {
  return path.resolve(options.dataDir ?? options.env?.OSMEN_DATA_DIR ?? process.env.OSMEN_DATA_DIR ?? "./data");
}

/**
 * Call once when the server starts (and from scripts that read the vault). Throws a SecretError whose
 * message says how to fix the setup: the caller prints it and exits.
 */
export function loadSecretKey(options: LoadSecretKeyOptions = {}): LoadedSecretKey {
  const env = options.env ?? process.env;
  const fromEnv = env.OSMEN_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== "") {
    const key = parseSecretKey(fromEnv);
    return { key, source: "env", keyId: keyIdOf(key), warnings: [] };
  }
  const dataDir = resolveDataDir({ ...options, env });
  const keyPath = path.join(dataDir, KEY_FILE_NAME);
  const existing = readKeyFile(keyPath);
  if (existing) {
    // The folder holding the key may predate the rule that it is private: tighten it like the file.
    if ((statSync(dataDir).mode & 0o777) !== 0o700) chmodSync(dataDir, 0o700);
    return existing;
  }
  if (options.isProduction) {
    throw new SecretError("missing_key", `No secret key: OSMEN_SECRET_KEY is unset and ${keyPath} does not exist. ${HOW_TO_SET}`);
  }
  return generateKeyFile(dataDir, keyPath);
}

function readKeyFile(keyPath: string): LoadedSecretKey | null {
  let text: string;
  try {
    text = readFileSync(keyPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new SecretError("key_file_unreadable", `Cannot read the key file ${keyPath}: ${(error as Error).message}.`, { cause: error });
  }
  const key = parseSecretKey(text, `The key file ${keyPath}`);
  const warnings: string[] = [];
  const mode = statSync(keyPath).mode & 0o777;
  if (mode !== 0o600) {
    chmodSync(keyPath, 0o600);
    warnings.push(`The key file ${keyPath} had mode ${mode.toString(8)}; it is now 600 (owner read/write only).`);
  }
  return { key, source: "file", path: keyPath, keyId: keyIdOf(key), warnings };
}

function generateKeyFile(dataDir: string, keyPath: string): LoadedSecretKey {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask and ignored for an existing folder; set it outright.
  chmodSync(dataDir, 0o700);
  const key = randomBytes(KEY_BYTES);
  try {
    // "wx": if another process created the file first, keep theirs rather than overwrite it.
    writeFileSync(keyPath, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readKeyFile(keyPath)!;
  }
  chmodSync(keyPath, 0o600);
  return { key, source: "generated", path: keyPath, keyId: keyIdOf(key), warnings: [`Generated a new secret key in ${keyPath}; back it up.`] };
}
