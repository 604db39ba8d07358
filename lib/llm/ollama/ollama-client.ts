// An Ollama SDK client per request. The SDK takes no per-call AbortSignal (and keeps no response headers on
// errors), so the request's signal and the error response's headers travel through an injected fetch.
import { Ollama } from "ollama";

export const defaultOllamaUrl = "http://127.0.0.1:11434";

export type OllamaConnection = { baseUrl?: string; apiKey?: string };

export type OllamaCall = { client: Ollama; lastErrorHeaders: () => Headers | undefined };

export function createOllamaCall(connection: OllamaConnection, signal: AbortSignal): OllamaCall {
  let errorHeaders: Headers | undefined;
  const fetchWithSignal: typeof fetch = async (input, init) => {
    const response = await fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
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

/** OLLAMA_HOST may be "host:port", ":port" or a URL; the config wants a URL. */
export function normalizeOllamaHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  let url = host.trim();
  if (url.startsWith(":")) url = `127.0.0.1${url}`;
  const hasScheme = url.includes("://");
  if (!hasScheme) url = `http://${url}`;
  const parsed = new URL(url);
  if (!parsed.port && !hasScheme) parsed.port = "11434";
  if (parsed.hostname === "0.0.0.0") parsed.hostname = "127.0.0.1"; // a bind address, not one to connect to
  return parsed.toString().replace(/\/$/, "");
}

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
