// The address of the socket a request came in on, for route handlers. Next.js gives them no socket, and fills
// in X-Forwarded-For only when the request has none, so without a proxy a client can write any address there.
// At start the server stamps every request with its socket's address under a header whose name is random to
// this process: a client can neither guess it nor, since the stamp overwrites it, set it.
import { randomBytes } from "node:crypto";
import http from "node:http";

const holder = globalThis as typeof globalThis & { osmenPeerHeader?: string };

/** The name of the header that carries the socket's address, or undefined before `stampPeerAddresses`. */
export const peerAddressHeader = (): string | undefined => holder.osmenPeerHeader;

/**
 * Makes every node:http server in this process stamp each request with its socket's address (once per
 * process; later calls return the same header name). Requests that arrived before the call carry no stamp.
 */
export function stampPeerAddresses(): string {
  if (holder.osmenPeerHeader) return holder.osmenPeerHeader;
  const name = `x-osmen-peer-${randomBytes(16).toString("hex")}`;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampingEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[name] = request.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  holder.osmenPeerHeader = name;
  return name;
}

/** The address of the socket a request came in on, or undefined when the request was not stamped. */
export function peerAddressOf(headers: Headers): string | undefined {
  const name = peerAddressHeader();
  return (name && headers.get(name)) || undefined;
}
