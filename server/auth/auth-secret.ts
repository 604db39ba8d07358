// Where Better Auth's signing secret comes from: BETTER_AUTH_SECRET, else a file in the data folder that is
// generated on first use (mode 0600), the way the vault key is. A stable secret keeps sessions valid across
// restarts; a new one signs everybody out.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const AUTH_SECRET_FILE_NAME = "auth.secret";

export type AuthSecret = { secret: string; source: "env" | "file" | "generated"; path?: string };

/**
 * Returns the secret. `dataDir` is OSMEN_DATA_DIR (relative paths from the working directory).
 * @throws Error when the file exists but cannot be read, or holds fewer than 32 characters.
 */
export function loadAuthSecret({ envSecret, dataDir }: { envSecret?: string; dataDir: string }): AuthSecret {
  if (envSecret && envSecret.trim() !== "") return { secret: envSecret.trim(), source: "env" };
  const folder = path.resolve(dataDir);
  const file = path.join(folder, AUTH_SECRET_FILE_NAME);
  const existing = readSecretFile(file);
  if (existing) return { secret: existing, source: "file", path: file };
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx": when another process wrote the file first, keep theirs so both sign with the same secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return { secret: readSecretFile(file)!, source: "file", path: file };
  }
  // The mode given to writeFileSync is filtered by the umask; set it outright.
  chmodSync(file, 0o600);
  return { secret, source: "generated", path: file };
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`Cannot read the auth secret file ${file}: ${(error as Error).message}. Fix its permissions or set BETTER_AUTH_SECRET.`);
  }
  if (text.length < 32) {
    throw new Error(`The auth secret file ${file} holds ${text.length} characters; it needs at least 32. Delete it to generate a new one, or set BETTER_AUTH_SECRET.`);
  }
  chmodSync(file, 0o600);
  return text;
}
