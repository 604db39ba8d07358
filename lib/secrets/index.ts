// The credentials vault (Node only): AES-256-GCM values at rest and the key they are sealed with.
// Server start:  const loaded = loadSecretKey({ isProduction: process.env.NODE_ENV === "production" });
//                const vault = createVault(loaded.key);   // log loaded.warnings and loaded.keyId, never the key
// Storing:       row.ciphertext = vault.encrypt(apiKey, { context: credentialId }); row.last4 = last4(apiKey);
// Reading:       vault.decrypt(row.ciphertext, { context: credentialId })  // throws SecretError "wrong_key" etc.
export { createVault, type Vault } from "./vault";
export { decryptSecret, encryptSecret, isEncryptedSecret, keyIdOf, KEY_BYTES, type CipherOptions } from "./cipher";
export { KEY_FILE_NAME, loadSecretKey, parseSecretKey, resolveDataDir, type LoadedSecretKey, type LoadSecretKeyOptions, type SecretKeySource } from "./key";
export { SecretError, isSecretError, secretErrorCodes, type SecretErrorCode } from "./errors";
export { last4, maskSecret } from "./last4";
