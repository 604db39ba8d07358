// Keys named __proto__, constructor and prototype through the real wire: the tRPC client and the route
// handler over HTTP, the transformer on both ends, and each database.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wireTransformer } from "@/lib/wire-transformer";
import { appRouter, type AppRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import { testDatabases } from "@/testing/databases";
import { startRouteServer } from "@/testing/route-server";
import { localTestCaller } from "@/testing/trpc-caller";

const hostileData = () =>
  JSON.parse(
    '{"__proto__": {"admin": true}, "constructor": "c", "prototype": {"constructor": {"__proto__": [1, 2]}}, "config": {"headers": {"__proto__": "x", "constructor": "y"}, "label": "hi"}}',
  ) as Record<string, unknown>;

const hostileGraph = () => ({
  version: 1,
  nodes: [
    { id: "in", type: "input", position: { x: 0, y: 0 }, data: hostileData() },
    { id: "out", type: "output", position: { x: 200, y: 0 }, data: {} },
  ],
  edges: [{ id: "e", source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }],
});

/** JSON with sorted keys: PostgreSQL's JSONB reorders keys, so graphs are compared by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, (item as Record<string, unknown>)[key]]))
      : item,
  );
}

describe.each(testDatabases())("hostile keys on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let server: Awaited<ReturnType<typeof startRouteServer>>;
  let client: ReturnType<typeof createTRPCClient<AppRouter>>;

  beforeAll(async () => {
    database = await create();
    const handler = (request: Request) =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req: request,
        router: appRouter,
        allowMethodOverride: true,
        createContext: () => createContext({ headers: request.headers, caller: localTestCaller, app: createApp({ db: database }) }),
      });
    server = await startRouteServer([{ method: "POST", path: /^\/api\/trpc\//, handler }]);
    client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/api/trpc`, transformer: wireTransformer, methodOverride: "POST" })],
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("stores and returns them as plain data through save, get, export and import", async () => {
    const created = await client.flow.create.mutate({ name: "Hostile", graph: hostileGraph() });
    expect(canonical(created.graph)).toBe(canonical(hostileGraph()));

    await client.flow.update.mutate({ id: created.id, version: created.version, graph: hostileGraph() });
    const reopened = await client.flow.get.query({ id: created.id });
    expect(canonical(reopened.graph)).toBe(canonical(hostileGraph()));
    expect(Object.keys(reopened.graph.nodes[0]!.data)).toContain("__proto__");
    expect(Object.getPrototypeOf(reopened.graph.nodes[0]!.data)).toBe(Object.prototype);

    const exported = await client.flow.export.query({ id: created.id });
    const imported = await client.flow.import.mutate({ document: JSON.parse(JSON.stringify(exported)) });
    const reread = await client.flow.get.query({ id: imported.id });
    expect(Object.keys(reread.graph.nodes[0]!.data).sort()).toEqual(["__proto__", "config", "constructor", "prototype"]);
    expect(canonical(reread.graph.nodes[0]!.data)).toBe(canonical(exported.graph.nodes[0]!.data));
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("lists, compiles and versions such a flow without a server error", async () => {
    const created = await client.flow.create.mutate({ name: "Hostile list", graph: hostileGraph() });
    await client.flow.update.mutate({ id: created.id, version: 1, graph: hostileGraph() });
    expect((await client.flow.list.query({})).map((flow) => flow.id)).toContain(created.id);
    await expect(client.flow.compile.query({ id: created.id })).resolves.toHaveProperty("diagnostics");
    const [earlier] = await client.flow.versions.query({ id: created.id });
    const version = await client.flow.getVersion.query({ id: created.id, version: earlier!.version });
    expect(Object.keys(version.graph.nodes[0]!.data)).toContain("__proto__");
  });
});
