// OLLAMA_HOST as Ollama itself reads it. Plain ESM so the environment schema (server/env.mjs, loaded by
// next.config.mjs before any TypeScript) parses the variable exactly as the adapter does.

/**
 * Normalises OLLAMA_HOST to a base URL. Accepts what Ollama documents: a URL (`http://host:11434`),
 * `host:port`, `host`, `:port` and the bind address `0.0.0.0` (connected to as 127.0.0.1). A missing port
 * without a scheme is Ollama's 11434. Throws a TypeError for text that is no host at all.
 * @param {string | undefined} host
 * @returns {string | undefined} e.g. "http://127.0.0.1:11434"; undefined when unset or blank
 */
export function normalizeOllamaHost(host) {
  if (!host || host.trim() === "") return undefined;
  let url = host.trim();
  if (url.startsWith(":")) url = `127.0.0.1${url}`;
  const hasScheme = url.includes("://");
  if (!hasScheme) url = `http://${url}`;
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new TypeError(`unsupported scheme ${parsed.protocol}`);
  if (!parsed.port && !hasScheme) parsed.port = "11434";
  if (parsed.hostname === "0.0.0.0") parsed.hostname = "127.0.0.1"; // a bind address, not one to connect to
  return parsed.toString().replace(/\/$/, "");
}
