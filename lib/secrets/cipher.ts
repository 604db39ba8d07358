// AES-256-GCM for values at rest. Format (version 1), all parts base64url:
//   v1.<keyId>.<nonce>.<ciphertext>.<tag>
// A fresh 12-byte nonce per value: GCM's security collapses if a nonce repeats under one key. The key id
// (a short hash of the key, not the key) lets a wrong key be told apart from a damaged value, and leaves
// room for rotation later. The optional `context` is bound as associated data, so a ciphertext copied onto
// another record (say, another user's credential) fails to decrypt instead of leaking.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { SecretError } from "./errors";

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";

export type CipherOptions = { context?: string };

/** 8 hex characters of SHA-256 over the key: enough to spot "another key", useless to an attacker. */
export function keyIdOf(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) {
    throw new SecretError("invalid_key", `The secret key must be ${KEY_BYTES} bytes; this one has ${key.length}.`);
  }
}

export function encryptSecret(plaintext: string, key: Uint8Array, options: CipherOptions = {}): string {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  if (options.context !== undefined) cipher.setAAD(Buffer.from(options.context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [nonce, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return [VERSION, keyIdOf(key), ...parts].join(".");
}

type ParsedPayload = { keyId: string; nonce: Buffer; ciphertext: Buffer; tag: Buffer };

function parsePayload(payload: string): ParsedPayload {
  const parts = payload.split(".");
  if (parts[0] !== VERSION || parts.length !== 5) {
    const found = parts.length > 1 ? `format "${parts[0]}"` : "no known format";
    throw new SecretError("corrupt_ciphertext", `This stored secret has ${found}; expected "${VERSION}". It may be damaged: enter it again.`);
  }
  const [, keyId, nonce, ciphertext, tag] = parts as [string, string, string, string, string];
  const decoded = { keyId, nonce: Buffer.from(nonce, "base64url"), ciphertext: Buffer.from(ciphertext, "base64url"), tag: Buffer.from(tag, "base64url") };
  if (decoded.nonce.length !== NONCE_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new SecretError("corrupt_ciphertext", "This stored secret is damaged (bad nonce or tag length): enter it again.");
  }
  return decoded;
}

export function decryptSecret(payload: string, key: Uint8Array, options: CipherOptions = {}): string {
  checkKey(key);
  const parsed = parsePayload(payload);
  if (parsed.keyId !== keyIdOf(key)) {
    throw new SecretError(
      "wrong_key",
      "This secret was encrypted with a different key than the one loaded now. Restore the original OSMEN_SECRET_KEY " +
        "(or data/secret.key), or enter the credential again.",
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, parsed.nonce, { authTagLength: TAG_BYTES });
    if (options.context !== undefined) decipher.setAAD(Buffer.from(options.context, "utf8"));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString("utf8");
  } catch (error) {
    // Same key id but the tag does not verify: the value was altered, or it belongs to another record.
    throw new SecretError("corrupt_ciphertext", "This stored secret failed its integrity check (altered, or stored for another record): enter it again.", {
      cause: error,
    });
  }
}

/** True for strings in the vault's format: lets a migration tell encrypted values from legacy plain ones. */
export function isEncryptedSecret(value: string): boolean {
  return /^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/.test(value);
}
