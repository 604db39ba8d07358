// A `fetch` for the provider SDKs that enforces the HTTP tool's address guard on every request and every
// redirect: a Base URL typed on a node reaches public addresses only (or the hosts the server trusts), and the
// connection is pinned to the address that was checked, so DNS cannot answer differently the second time.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { parseAllowlist } from "./http-address";
import { pinnedLookup } from "./http-client";
import { nextHop, REDIRECT_STATUSES, type RedirectHop } from "./http-redirect";
import { HttpToolError, hostOf, parseHttpUrl, resolveTarget, systemResolver, type HostResolver, type ResolvedAddress } from "./http-target";

export type GuardedFetchOptions = {
  /** Origins (`scheme://host:port`) reached without a check: the endpoints the server itself configures. */
  trustedOrigins?: ReadonlySet<string>;
  /** Hosts exempt from the check; defaults to OSMEN_HTTP_ALLOWLIST, read on every request. */
  allowlist?: string[];
  resolveHost?: HostResolver;
  maxRedirects?: number;
  /** Who is refused, in error messages. */
  subject?: string;
  /** Header names (any case) dropped, like Authorization, when a redirect leaves the origin. */
  secretHeaders?: readonly string[];
};

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type Hop = RedirectHop<Buffer>;

/**
 * Builds the fetch. Errors: HttpToolError `blocked_url` (a non-public target, on the first hop or after a
 * redirect), `too_many_redirects`, `network`; an aborted signal rejects with its reason.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const maxRedirects = options.maxRedirects ?? 5;
  const subject = options.subject ?? "a model's Base URL";
  const trusted = options.trustedOrigins ?? new Set<string>();
  const secretHeaders = (options.secretHeaders ?? []).map((name) => name.toLowerCase());
  return async (input, init) => {
    const request = new Request(input, init);
    // The caller's own signal, not `request.signal`: a Request follows its init's signal only through a weak
    // reference, so after a garbage collection an abort would no longer reach the connection (nodejs/undici#3644).
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    const allowlist = options.allowlist ?? parseAllowlist(process.env.OSMEN_HTTP_ALLOWLIST);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    let hop: Hop = { url: parseHttpUrl(request.url), method: request.method, headers: Object.fromEntries(request.headers), body };
    let hopSubject = subject;
    for (let redirects = 0; ; redirects += 1) {
      // A trusted origin is one the server configured; everything else, redirects included (a trusted origin's
      // redirects too), is checked.
      const hopAllowlist = trusted.has(hop.url.origin) ? [hostOf(hop.url)] : allowlist;
      const target = await resolveTarget(hop.url, hopAllowlist, options.resolveHost ?? systemResolver, hopSubject);
      const response = await sendOnce(hop, target, signal);
      const location = response.headers.location;
      if (request.redirect === "manual" || !REDIRECT_STATUSES.has(response.statusCode ?? 0) || !location) return toResponse(response);
      response.resume();
      if (redirects >= maxRedirects) throw new HttpToolError("too_many_redirects", `gave up after ${maxRedirects} redirects`);
      // A refused redirect names who sent it there, since the first address was fine.
      hopSubject = `${subject} (redirected there by ${hop.url.origin})`;
      hop = nextHop(hop, response.statusCode!, location, secretHeaders);
    }
  };
}


function sendOnce(hop: Hop, target: ResolvedAddress, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  const send = hop.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        protocol: hop.url.protocol,
        hostname: hostOf(hop.url),
        port: hop.url.port || undefined,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        // Bodies arrive as sent: node:http does not decompress, so ask for none.
        headers: { ...hop.headers, "accept-encoding": "identity", ...(hop.body ? { "content-length": String(hop.body.length) } : {}) },
        lookup: pinnedLookup(target),
        signal,
      },
      resolve,
    );
    outgoing.on("error", (error) => reject(signal?.aborted ? signal.reason : new HttpToolError("network", `request failed: ${error.message}`, { cause: error })));
    outgoing.end(hop.body);
  });
}

function toResponse(message: IncomingMessage): Response {
  const headers = new Headers();
  for (let index = 0; index + 1 < message.rawHeaders.length; index += 2) headers.append(message.rawHeaders[index]!, message.rawHeaders[index + 1]!);
  const status = message.statusCode ?? 502;
  const body = NULL_BODY_STATUSES.has(status) ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>);
  if (!body) message.resume();
  return new Response(body, { status, statusText: message.statusMessage, headers });
}
