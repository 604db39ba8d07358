// Posting to Better Auth's routes from the browser and turning its answer into one message for a person.

export type AuthResult = { ok: true } | { ok: false; message: string };

/** POSTs JSON to /api/auth/<path>; a refusal comes back with the server's own words. */
export async function postAuth(path: string, body: Record<string, unknown>): Promise<AuthResult> {
  let response: Response;
  try {
    response = await fetch(`/api/auth/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, message: "The server cannot be reached. Check your connection and try again." };
  }
  if (response.ok) return { ok: true };
  const payload = (await response.json().catch(() => null)) as { message?: string } | null;
  return { ok: false, message: payload?.message ?? `The server answered ${response.status}.` };
}

/** Goes to `path` and re-renders the server parts (header, page gate) for the new signed-in state. */
export function leave(router: { push: (path: string) => void; refresh: () => void }, path: string): void {
  router.push(path);
  router.refresh();
}
