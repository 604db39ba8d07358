import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVault, decryptSecret, encryptSecret, isEncryptedSecret, SecretError } from "./index";

const key = randomBytes(32);

describe("encryptSecret / decryptSecret", () => {
  it("round-trips text, including unicode and the empty string", () => {
    for (const plaintext of ["sk-live-1234567890abcdef", "пароль 🔑", ""]) {
      const payload = encryptSecret(plaintext, key);
      expect(isEncryptedSecret(payload)).toBe(true);
      expect(payload).not.toContain(plaintext || "\u0000");
      expect(decryptSecret(payload, key)).toBe(plaintext);
    }
  });

  it("uses a fresh nonce each time, so equal values encrypt differently", () => {
    const first = encryptSecret("same value", key).split(".");
    const second = encryptSecret("same value", key).split(".");
    expect(first[0]).toBe("v1");
    expect(first[2]).not.toBe(second[2]);
    expect(Buffer.from(first[2]!, "base64url")).toHaveLength(12);
    expect(first[3]).not.toBe(second[3]);
  });

  it("refuses a different key with a clear wrong_key error", () => {
    const payload = encryptSecret("secret", key);
    const attempt = () => decryptSecret(payload, randomBytes(32));
    expect(attempt).toThrowError(SecretError);
    expect(attempt).toThrowError(/different key/);
    try {
      attempt();
    } catch (error) {
      expect((error as SecretError).code).toBe("wrong_key");
    }
  });

  it("detects tampering and a value bound to another context", () => {
    const payload = encryptSecret("token-value", key, { context: "credential-1" });
    expect(decryptSecret(payload, key, { context: "credential-1" })).toBe("token-value");
    expect(() => decryptSecret(payload, key, { context: "credential-2" })).toThrowError(/integrity check/);
    const parts = payload.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), key, { context: "credential-1" })).toThrowError(/integrity check/);
  });

  it("names an unknown format instead of failing obscurely", () => {
    expect(() => decryptSecret("plain text", key)).toThrowError(/no known format/);
    expect(() => decryptSecret("v9.a.b.c.d", key)).toThrowError(/format "v9"/);
  });

  it("rejects keys of the wrong length", () => {
    expect(() => encryptSecret("x", randomBytes(16))).toThrowError(/must be 32 bytes/);
  });

  it("a vault keeps its own copy of the key", () => {
    const bytes = randomBytes(32);
    const vault = createVault(bytes);
    const payload = vault.encrypt("hello world");
    bytes.fill(0);
    expect(vault.decrypt(payload)).toBe("hello world");
    expect(vault.keyId).toMatch(/^[0-9a-f]{8}$/);
  });
});
