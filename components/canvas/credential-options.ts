"use client";
// The credential picker's choices. The vault comes later; until then the only choice is the server's
// environment variables (the empty credentialId). The hook is the seam the vault will fill.
export type CredentialOption = { value: string; label: string };

export const environmentCredential: CredentialOption = { value: "", label: "Use environment variables" };

export function useCredentialOptions(): CredentialOption[] {
  return [environmentCredential];
}

/** Keeps a stored reference selectable even when the list does not (yet) know it. */
export function withCurrentCredential(options: CredentialOption[], current: string): CredentialOption[] {
  if (options.some((option) => option.value === current)) return options;
  return [...options, { value: current, label: `Stored credential ${current}` }];
}
