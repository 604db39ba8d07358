// An Ollama SDK client per request. The SDK takes no per-call AbortSignal (and keeps no response headers on
// errors), so the request's signal and the error response's headers travel through an injected fetch.
import { Ollama } from "ollama";

export const defaultOllamaUrl = "http://127.0.0.1:11434";

/** `fetch`: the engine's address guard for a Base URL typed on a node; otherwise global fetch. */
export type OllamaConnection = { baseUrl?: string; apiKey?: string; fetch?: typeof fetch };

export type OllamaCall = { client: Ollama; lastErrorHeaders: () => Headers | undefined };

export function createOllamaCall(connection: OllamaConnection, signal: AbortSignal): OllamaCall {
  let errorHeaders: Headers | undefined;
  const fetchWithSignal: typeof fetch = async (input, init) => {
    const response = await (connection.fetch ?? fetch)(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    if (!response.ok) errorHeaders = response.headers;
    return response;
  };
  const client = new Ollama({
    host: connection.baseUrl ?? defaultOllamaUrl,
    fetch: fetchWithSignal,
    // A key is only needed behind an authenticating proxy or for ollama.com.
    headers: connection.apiKey ? { Authorization: `Bearer ${connection.apiKey}` } : undefined,
  });
  return { client, lastErrorHeaders: () => errorHeaders };
}

export { normalizeOllamaHost } from "../../credentials/ollama-host.mjs";

/** Reachable means the server answers /api/version within the probe's time. */
export async function isOllamaReachable(connection: OllamaConnection, timeoutMs: number): Promise<boolean> {
  try {
    const { client } = createOllamaCall(connection, AbortSignal.timeout(timeoutMs));
    await client.version();
    return true;
  } catch {
    return false;
  }
}
