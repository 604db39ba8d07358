import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSafeHttpClient } from "./http-client";
import type { HostResolver } from "./http-target";

let server: Server;
let port = 0;
const seen: IncomingMessage[] = [];

function handle(request: IncomingMessage, response: import("node:http").ServerResponse): void {
  seen.push(request);
  const url = new URL(request.url!, "http://local");
  const hops = /^\/hop\/(\d+)$/.exec(url.pathname);
  if (hops) {
    const left = Number(hops[1]);
    response.writeHead(left === 0 ? 200 : 302, left === 0 ? {} : { location: `/hop/${left - 1}` }).end(left === 0 ? "arrived" : "");
  } else if (url.pathname === "/redirect") {
    response.writeHead(Number(url.searchParams.get("status") ?? 302), { location: url.searchParams.get("to")! }).end();
  } else if (url.pathname === "/big") {
    response.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(2_000_000));
  } else if (url.pathname === "/slow") {
    response.writeHead(200);
    response.write("partial");
  } else {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ method: request.method, body, host: request.headers.host })));
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const signal = () => new AbortController().signal;
const local = (path: string) => `http://127.0.0.1:${port}${path}`;
const fakeDns = (table: Record<string, string[]>): HostResolver => async (hostname) => {
  const addresses = table[hostname];
  if (!addresses) throw new Error("ENOTFOUND");
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

describe("safe HTTP client: allowed requests", () => {
  const client = createSafeHttpClient({ allowlist: ["127.0.0.1", "pinned.test"], resolveHost: fakeDns({ "pinned.test": ["127.0.0.1"] }) });

  it("GETs and POSTs an allowlisted host", async () => {
    const got = await client({ method: "GET", url: local("/echo") }, { signal: signal() });
    expect(got).toMatchObject({ status: 200, redirects: 0, truncated: false, url: local("/echo") });
    expect(JSON.parse(got.body)).toMatchObject({ method: "GET" });
    const posted = await client({ method: "POST", url: local("/echo"), body: "hello" }, { signal: signal() });
    expect(JSON.parse(posted.body)).toMatchObject({ method: "POST", body: "hello" });
  });

  it("connects to the address it checked (pinned), keeping the host name in the request", async () => {
    const result = await client({ method: "GET", url: `http://pinned.test:${port}/echo` }, { signal: signal() });
    expect(JSON.parse(result.body)).toMatchObject({ host: `pinned.test:${port}` });
  });

  it("reads OSMEN_HTTP_ALLOWLIST when no allowlist is given", async () => {
    const fromEnv = createSafeHttpClient();
    const previous = process.env.OSMEN_HTTP_ALLOWLIST;
    process.env.OSMEN_HTTP_ALLOWLIST = "localhost,127.0.0.1";
    try {
      expect((await fromEnv({ method: "GET", url: local("/echo") }, { signal: signal() })).status).toBe(200);
    } finally {
      process.env.OSMEN_HTTP_ALLOWLIST = previous;
    }
    await expect(fromEnv({ method: "GET", url: local("/echo") }, { signal: signal() })).rejects.toThrow(/loopback/);
  });

  it("follows up to five redirects and refuses a sixth", async () => {
    const result = await client({ method: "GET", url: local("/hop/5") }, { signal: signal() });
    expect(result).toMatchObject({ body: "arrived", redirects: 5, url: local("/hop/0") });
    await expect(client({ method: "GET", url: local("/hop/6") }, { signal: signal() })).rejects.toMatchObject({ code: "too_many_redirects" });
  });

  it("turns a POST into a GET on 303 and drops credentials across origins", async () => {
    const to = encodeURIComponent(`http://pinned.test:${port}/echo`);
    const result = await client({ method: "POST", url: local(`/redirect?status=303&to=${to}`), body: "x", headers: { Authorization: "secret" } }, { signal: signal() });
    expect(JSON.parse(result.body)).toMatchObject({ method: "GET", body: "" });
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("caps the response size", async () => {
    const result = await client({ method: "GET", url: local("/big"), maxBytes: 1000 }, { signal: signal() });
    expect(result.truncated).toBe(true);
    expect(result.body).toHaveLength(1000);
  });

  it("caps the time and honours cancellation", async () => {
    // /slow never finishes its body: only the cap or the cancellation can end these requests.
    await expect(client({ method: "GET", url: local("/slow"), timeoutMs: 150 }, { signal: signal() })).rejects.toMatchObject({ code: "timeout" });
    const controller = new AbortController();
    const slowSeen = seen.length;
    const cancelled = client({ method: "GET", url: local("/slow") }, { signal: controller.signal });
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(slowSeen)); // the request is under way
    controller.abort(new Error("stop"));
    await expect(cancelled).rejects.toThrow("stop");
  });
});

describe("safe HTTP client: SSRF refusals", () => {
  const client = createSafeHttpClient({
    allowlist: [],
    resolveHost: fakeDns({ "evil.test": ["10.0.0.5"], "mixed.test": ["93.184.216.34", "127.0.0.1"], "v6.test": ["::ffff:169.254.169.254"] }),
  });

  it.each([
    [`http://127.0.0.1:PORT/`, "loopback"],
    [`http://2130706433:PORT/`, "loopback"],
    [`http://0x7f.1:PORT/`, "loopback"],
    [`http://0177.0.0.1:PORT/`, "loopback"],
    [`http://127.1:PORT/`, "loopback"],
    [`http://[::1]:PORT/`, "loopback"],
    [`http://[::ffff:127.0.0.1]:PORT/`, "loopback"],
    [`http://[::ffff:7f00:1]:PORT/`, "loopback"],
    [`http://169.254.169.254/latest/meta-data/`, "cloud metadata"],
    [`http://0xa9fea9fe/`, "cloud metadata"],
    [`http://[fd00:ec2::254]/`, "cloud metadata"],
    [`http://100.64.1.1/`, "carrier-grade NAT"],
    [`http://10.1.2.3/`, "private"],
    [`http://192.168.0.1/`, "private"],
    [`http://[fe80::1]/`, "link-local"],
    [`http://localhost:PORT/`, "internal host name"],
    [`http://metadata.google.internal/`, "internal host name"],
    [`http://evil.test/`, "resolves to 10.0.0.5"],
    [`http://mixed.test/`, "resolves to 127.0.0.1"],
    [`http://v6.test/`, "cloud metadata"],
    [`ftp://example.com/`, "only http and https"],
    [`file:///etc/passwd`, "only http and https"],
    [`javascript:alert(1)`, "only http and https"],
  ])("refuses %s", async (url, reason) => {
    const request = client({ method: "GET", url: url.replace("PORT", String(port)) }, { signal: signal() });
    await expect(request).rejects.toThrow(reason);
  });

  it("re-checks every redirect, even from an allowlisted host", async () => {
    const permissive = createSafeHttpClient({ allowlist: ["127.0.0.1"], resolveHost: fakeDns({ "internal.test": ["192.168.0.10"] }) });
    for (const target of ["http://169.254.169.254/latest/meta-data/", "http://internal.test/", `http://[::1]:${port}/`, "gopher://example.com/"]) {
      const url = local(`/redirect?to=${encodeURIComponent(target)}`);
      await expect(permissive({ method: "GET", url }, { signal: signal() })).rejects.toMatchObject({ code: "blocked_url" });
    }
  });

  it("refuses malformed URLs and names it", async () => {
    await expect(client({ method: "GET", url: "not a url" }, { signal: signal() })).rejects.toMatchObject({ code: "bad_url" });
  });
});
