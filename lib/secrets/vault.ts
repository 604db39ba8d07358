// The object the server holds after start: encrypt/decrypt bound to the loaded key, so call sites never
// handle key bytes. Create it once from `loadSecretKey` and share it.
import { decryptSecret, encryptSecret, keyIdOf, type CipherOptions } from "./cipher";

export type Vault = {
  /** Fingerprint of the key in use; safe to log. */
  keyId: string;
  encrypt(plaintext: string, options?: CipherOptions): string;
  decrypt(payload: string, options?: CipherOptions): string;
};

export function createVault(key: Uint8Array): Vault {
  // Copied so that a caller zeroing or reusing its buffer cannot change the vault's key.
  const ownKey = Buffer.from(key);
  return {
    keyId: keyIdOf(ownKey),
    encrypt: (plaintext, options) => encryptSecret(plaintext, ownKey, options),
    decrypt: (payload, options) => decryptSecret(payload, ownKey, options),
  };
}
