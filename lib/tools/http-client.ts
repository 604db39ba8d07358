// The HTTP client behind tool.http: SSRF-checked on every hop, pinned to the checked address, at most
// five redirects, and capped in size and time.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { parseAllowlist } from "./http-address";
import type { HttpRequest, HttpResult } from "./http-request";
import { nextHop, REDIRECT_STATUSES, type RedirectHop } from "./http-redirect";
import { HttpToolError, hostOf, parseHttpUrl, resolveTarget, systemResolver, type HostResolver, type ResolvedAddress } from "./http-target";

export type HttpRequester = (request: HttpRequest, context: { signal: AbortSignal }) => Promise<HttpResult>;

export type SafeHttpOptions = {
  /** Hosts exempt from the address checks; defaults to OSMEN_HTTP_ALLOWLIST, read on every request. */
  allowlist?: string[];
  resolveHost?: HostResolver;
  maxRedirects?: number;
  /** Upper bounds: a request may ask for less, never more. */
  maxBytes?: number;
  timeoutMs?: number;
};

type Hop = RedirectHop<string>;

export function createSafeHttpClient(options: SafeHttpOptions = {}): HttpRequester {
  const maxRedirects = options.maxRedirects ?? 5;
  const byteCap = options.maxBytes ?? 5_000_000;
  const timeCap = options.timeoutMs ?? 60_000;
  return async (request, context) => {
    const allowlist = options.allowlist ?? parseAllowlist(process.env.OSMEN_HTTP_ALLOWLIST);
    const maxBytes = Math.min(request.maxBytes ?? 1_000_000, byteCap);
    const timeoutMs = Math.min(request.timeoutMs ?? 15_000, timeCap);
    const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
    let hop: Hop = { url: parseHttpUrl(request.url), method: request.method, headers: { ...request.headers }, body: request.body };
    for (let redirects = 0; ; redirects += 1) {
      const target = await resolveTarget(hop.url, allowlist, options.resolveHost ?? systemResolver);
      const response = await sendOnce(hop, target, signal, timeoutMs);
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || !location) {
        const { body, truncated } = await readCapped(response, maxBytes, signal, timeoutMs);
        return { status: response.statusCode ?? 0, headers: flattenHeaders(response), body, url: hop.url.href, truncated, redirects };
      }
      response.resume();
      if (redirects >= maxRedirects) throw new HttpToolError("too_many_redirects", `gave up after ${maxRedirects} redirects`);
      hop = nextHop(hop, response.statusCode!, location);
    }
  };
}

/** A DNS lookup that answers only the address already checked, so the connection cannot land elsewhere. */
export function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function sendOnce(hop: Hop, target: ResolvedAddress, signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
  const send = hop.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        protocol: hop.url.protocol,
        hostname: hostOf(hop.url),
        port: hop.url.port || undefined,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: { "user-agent": "OsMEN-Studio/1", ...hop.headers, ...(hop.body !== undefined ? { "content-length": Buffer.byteLength(hop.body) } : {}) },
        lookup: pinnedLookup(target),
        signal,
      },
      resolve,
    );
    outgoing.on("error", (error) => reject(toHttpError(error, signal, timeoutMs)));
    outgoing.end(hop.body);
  });
}

function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number) {
  return new Promise<{ body: string; truncated: boolean }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isSettled = false;
    const finish = (truncated: boolean) => {
      if (isSettled) return;
      isSettled = true;
      resolve({ body: Buffer.concat(chunks).toString("utf8"), truncated });
    };
    const fail = (error: Error) => {
      if (isSettled) return;
      isSettled = true;
      reject(toHttpError(error, signal, timeoutMs));
    };
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, Math.max(0, maxBytes - size)));
      size += chunk.length;
      if (size <= maxBytes) return;
      // Settle before destroying: tearing the socket down emits errors we no longer care about.
      finish(true);
      response.destroy();
    });
    response.on("end", () => finish(false));
    response.on("error", fail);
    response.on("aborted", () => fail(new Error("the connection closed early")));
  });
}

function toHttpError(error: Error, signal: AbortSignal, timeoutMs: number): Error {
  const reason: unknown = signal.reason;
  if (signal.aborted && reason instanceof DOMException && reason.name === "TimeoutError") {
    return new HttpToolError("timeout", `no complete response within ${timeoutMs} ms`);
  }
  if (signal.aborted) return reason instanceof Error ? reason : error;
  return new HttpToolError("network", `request failed: ${error.message}`);
}

function flattenHeaders(response: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value ?? "")]),
  );
}
