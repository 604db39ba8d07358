// The socket address reaches route handlers, whatever X-Forwarded-For a client writes: a real node:http server
// receives requests that forge the header, and the failed-sign-in limit keys them by where they came from.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "@/server/auth/auth-rate-limit";
import { peerAddressHeader, stampPeerAddresses } from "./peer-address.ts";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Sends one GET with `headers` to a fresh server and returns the headers the server saw. */
async function headersSeenBy(headers: Record<string, string>): Promise<Headers> {
  let seen: http.IncomingHttpHeaders = {};
  server = http.createServer((request, response) => {
    seen = request.headers;
    response.end("ok");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await (await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, { headers })).text();
  return new Headers(Object.entries(seen).map(([name, value]) => [name, String(value)] as [string, string]));
}

describe("peer address", () => {
  it("keys a request that forges X-Forwarded-For, without a trusted proxy, by its socket's address", async () => {
    stampPeerAddresses();
    const first = await headersSeenBy({ "x-forwarded-for": "198.51.100.7" });
    const second = await headersSeenBy({ "x-forwarded-for": "203.0.113.50" });
    expect(clientIp(first, false)).toBe("127.0.0.1");
    expect(clientIp(second, false)).toBe("127.0.0.1");
  });

  it("cannot be forged: the header's name is secret to the process and its value is overwritten", async () => {
    const name = stampPeerAddresses();
    expect(peerAddressHeader()).toBe(name);
    const seen = await headersSeenBy({ [name]: "198.51.100.7" });
    expect(seen.get(name)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, still takes the client from X-Forwarded-For", async () => {
    stampPeerAddresses();
    const seen = await headersSeenBy({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" });
    expect(clientIp(seen, true)).toBe("203.0.113.9");
  });
});
