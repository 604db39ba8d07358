import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch } from "./guarded-fetch";
import type { HostResolver } from "./http-target";

type Recorded = { path: string; method: string; headers: IncomingMessage["headers"]; body: string };

async function startServer(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Recorded[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ path: request.url!, method: request.method!, headers: request.headers, body });
      handle(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { origin, seen, close };
}

// The "model server" a node's Base URL names: it answers 302 to wherever `?to=` says.
let front: Awaited<ReturnType<typeof startServer>>;
// An internal service that must never be reached through a redirect.
let internal: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  front = await startServer((request, response) => {
    const url = new URL(request.url!, "http://local");
    const to = url.searchParams.get("to");
    if (to) return void response.writeHead(Number(url.searchParams.get("status") ?? 302), { location: to }).end();
    if (url.pathname === "/missing") return void response.writeHead(404, { "content-type": "application/json" }).end('{"error":"nope"}');
    response.writeHead(200, { "content-type": "text/event-stream", "x-seen": "1" });
    response.write("data: one\n\n");
    response.end("data: two\n\n");
  });
  internal = await startServer((_request, response) => response.writeHead(200).end("internal secret page"));
});

afterAll(async () => {
  await front?.close();
  await internal?.close();
});

const fakeDns = (table: Record<string, string[]>): HostResolver => async (hostname) => {
  const addresses = table[hostname];
  if (!addresses) throw new Error("ENOTFOUND");
  return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

const trustingFront = () => createGuardedFetch({ trustedOrigins: new Set([front.origin]), allowlist: [], resolveHost: fakeDns({}) });

describe("guarded fetch: what it lets through", () => {
  it("streams a trusted origin's answer and sends the body and headers as given", async () => {
    const response = await trustingFront()(`${front.origin}/v1/chat`, { method: "POST", headers: { authorization: "Bearer k", "content-type": "application/json" }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-seen")).toBe("1");
    expect(await response.text()).toBe("data: one\n\ndata: two\n\n");
    expect(front.seen.at(-1)).toMatchObject({ path: "/v1/chat", method: "POST", body: '{"a":1}', headers: expect.objectContaining({ authorization: "Bearer k" }) });
  });

  it("hands error statuses back as responses", async () => {
    const response = await trustingFront()(`${front.origin}/missing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "nope" });
  });

  it("lets an allowlisted host through, and drops the key when a redirect changes origin", async () => {
    const guarded = createGuardedFetch({ allowlist: ["127.0.0.1"], resolveHost: fakeDns({}) });
    const before = internal.seen.length;
    const response = await guarded(`${front.origin}/r?to=${encodeURIComponent(`${internal.origin}/page`)}`, { headers: { authorization: "Bearer k", "x-api-key": "k" } });
    expect(await response.text()).toBe("internal secret page");
    const arrived = internal.seen.slice(before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.headers.authorization).toBeUndefined();
    expect(arrived[0]!.headers["x-api-key"]).toBeUndefined();
  });

  it("drops the caller's own secret headers too when a redirect changes origin, and keeps them on the same origin", async () => {
    const guarded = createGuardedFetch({ allowlist: ["127.0.0.1"], resolveHost: fakeDns({}), secretHeaders: ["X-MCP-Token"] });
    const before = internal.seen.length;
    await guarded(`${front.origin}/r?to=${encodeURIComponent(`${internal.origin}/page`)}`, { headers: { "x-mcp-token": "k", "x-trace": "t" } });
    expect(internal.seen.slice(before).map((request) => [request.headers["x-mcp-token"], request.headers["x-trace"]])).toEqual([[undefined, "t"]]);
    const beforeSameOrigin = front.seen.length;
    await (await guarded(`${front.origin}/r?to=${encodeURIComponent(`${front.origin}/page`)}`, { headers: { "x-mcp-token": "k" } })).text();
    expect(front.seen.slice(beforeSameOrigin).map((request) => request.headers["x-mcp-token"])).toEqual(["k", "k"]);
  });
});

describe("guarded fetch: what it refuses", () => {
  const blocked = [
    "http://127.0.0.1:9/v1",
    "http://2130706433/v1",
    "http://0x7f.0.0.1/v1",
    "http://0177.0.0.1/v1",
    "http://0.0.0.0/v1",
    "http://[::]/v1",
    "http://[::1]/v1",
    "http://[::ffff:127.0.0.1]/v1",
    "http://[::ffff:a9fe:a9fe]/v1",
    "http://169.254.169.254/latest/meta-data",
    "http://10.1.2.3/v1",
    "http://192.168.1.1/v1",
    "http://localhost:11434/v1",
    "http://metadata.google.internal/computeMetadata/v1",
  ];

  it.each(blocked)("refuses %s before connecting", async (url) => {
    await expect(createGuardedFetch({ allowlist: [], resolveHost: fakeDns({}) })(url)).rejects.toMatchObject({ name: "HttpToolError", code: "blocked_url" });
  });

  it("refuses a name when any address it resolves to is internal", async () => {
    const guarded = createGuardedFetch({ allowlist: [], resolveHost: fakeDns({ "mixed.test": ["93.184.216.34", "10.0.0.7"] }) });
    await expect(guarded("https://mixed.test/v1")).rejects.toMatchObject({ code: "blocked_url", message: expect.stringContaining("10.0.0.7") });
  });

  it.each([
    ["loopback on another port", () => `${internal.origin}/page`],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data"],
    ["loopback spelled as a number", () => `http://2130706433:${new URL(internal.origin).port}/page`],
    ["loopback as IPv4-mapped IPv6", () => `http://[::ffff:127.0.0.1]:${new URL(internal.origin).port}/page`],
  ])("re-checks a redirect to %s and never follows it", async (_name, target) => {
    const before = internal.seen.length;
    for (const status of [302, 307]) {
      const url = `${front.origin}/r?status=${status}&to=${encodeURIComponent(target())}`;
      await expect(trustingFront()(url, { method: "POST", body: "{}" })).rejects.toMatchObject({ code: "blocked_url" });
    }
    expect(internal.seen.length).toBe(before);
  });

  it("gives up on endless redirects", async () => {
    const loop = `${front.origin}/r?to=${encodeURIComponent(`${front.origin}/r?to=/r%3Fto%3D/x`)}`;
    const guarded = createGuardedFetch({ trustedOrigins: new Set([front.origin]), allowlist: [], maxRedirects: 1, resolveHost: fakeDns({}) });
    await expect(guarded(loop)).rejects.toMatchObject({ code: "too_many_redirects" });
  });
});

describe("guarded fetch: cancelling", () => {
  // A garbage collection between the request and the abort must not cut the link between the caller's signal
  // and the connection (a Request built from the caller's init follows its signal only weakly).
  const collectGarbage = (): (() => void) => {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  };

  it("hangs up on the server when the caller's signal aborts mid-stream, even after a garbage collection", async () => {
    let isHungUp: Promise<boolean> = Promise.resolve(false);
    const slow = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      const timer = setInterval(() => response.write("data: more\n\n"), 20);
      isHungUp = new Promise((resolve) => response.once("close", () => resolve(!response.writableFinished)));
      response.once("close", () => clearInterval(timer));
    });
    try {
      const controller = new AbortController();
      const guarded = createGuardedFetch({ trustedOrigins: new Set([slow.origin]), allowlist: [], resolveHost: fakeDns({}) });
      const response = await guarded(`${slow.origin}/stream`, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      collectGarbage()();
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.abort(new Error("stopped by the caller"));
      await expect(isHungUp).resolves.toBe(true);
      // What was already buffered may still be read; the stream then errors instead of ending normally.
      const drain = async () => {
        while (!(await reader.read()).done);
      };
      await expect(drain()).rejects.toThrow();
    } finally {
      await slow.close();
    }
  });
});
