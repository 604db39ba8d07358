// Text the databases refuse (lone UTF-16 surrogates) and JSON nested past Prisma's limit, through the real
// wire on each database: stored with U+FFFD or refused with a 400 naming the limit, never a 500 with Prisma's
// text. An unexpected failure answers a generic message.
import { randomBytes } from "node:crypto";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_NODE_DATA_DEPTH } from "@/lib/flow/graph-schema";
import { createVault } from "@/lib/secrets";
import { wireTransformer } from "@/lib/wire-transformer";
import { appRouter, type AppRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp, type App } from "@/server/app";
import { INTERNAL_ERROR_MESSAGE } from "@/server/errors";
import { testDatabases } from "@/testing/databases";
import { startRouteServer } from "@/testing/route-server";
import { localTestCaller } from "@/testing/trpc-caller";

const nestedData = (levels: number): Record<string, unknown> => (levels === 1 ? {} : { config: nestedData(levels - 1) });

const graphWithData = (data: Record<string, unknown>) => ({
  version: 1,
  nodes: [{ id: "deep", type: "input", position: { x: 0, y: 0 }, data }],
  edges: [],
});

const echoGraph = {
  version: 1,
  nodes: [
    { id: "in", type: "input", position: { x: 0, y: 0 }, data: {} },
    { id: "out", type: "output", position: { x: 200, y: 0 }, data: {} },
  ],
  edges: [{ id: "e", source: "in", sourceHandle: "text", target: "out", targetHandle: "value" }],
};

const clientFor = (url: string) =>
  createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/api/trpc`, transformer: wireTransformer, methodOverride: "POST" })] });

/** The error a call was refused with, as the client sees it. */
async function refusal(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}

describe.each(testDatabases())("hostile text on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let server: Awaited<ReturnType<typeof startRouteServer>>;
  let client: ReturnType<typeof clientFor>;
  let app: App;

  beforeAll(async () => {
    database = await create();
    const vault = createVault(randomBytes(32));
    app = createApp({ db: database, vault: () => vault });
    const handler = (request: Request) =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req: request,
        router: appRouter,
        allowMethodOverride: true,
        createContext: () => createContext({ headers: request.headers, caller: localTestCaller, app }),
      });
    server = await startRouteServer([{ method: "POST", path: /^\/api\/trpc\//, handler }]);
    client = clientFor(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it("stores names with lone surrogates with U+FFFD in their place", async () => {
    const flow = await client.flow.create.mutate({ name: "bad \ud800 name", description: "tail \udc00" });
    expect(flow.name).toBe("bad \ufffd name");
    const reread = await client.flow.get.query({ id: flow.id });
    expect(reread.name).toBe("bad \ufffd name");
    expect(reread.description).toBe("tail \ufffd");

    const credential = await client.credential.create.mutate({ name: "key \ud800", kind: "openai", secret: "sk-test-0123456789" });
    expect(credential.name).toBe("key \ufffd");
    const apiKey = await client.apiKey.create.mutate({ name: "cli \ud800" });
    expect((await client.apiKey.list.query()).find((key) => key.id === apiKey.id)?.name).toBe("cli \ufffd");
  });

  it("saves a graph whose settings hold lone surrogates, and opens it again", async () => {
    const flow = await client.flow.create.mutate({ name: "Graph text", graph: graphWithData({ config: { label: "first \ud800" } }) });
    expect((await client.flow.get.query({ id: flow.id })).graph.nodes[0]!.data).toEqual({ config: { label: "first \ufffd" } });
    await client.flow.update.mutate({ id: flow.id, version: flow.version, graph: graphWithData({ config: { "label \udc00": "second \ud800" } }) });
    const reopened = await client.flow.get.query({ id: flow.id });
    expect(reopened.graph.nodes[0]!.data).toEqual({ config: { "label \ufffd": "second \ufffd" } });
  });

  it("stores a run's input with lone surrogates", async () => {
    const flow = await client.flow.create.mutate({ name: "Echo", graph: echoGraph });
    const { runId } = await client.run.start.mutate({ flowId: flow.id, input: "x\ud800" });
    const run = await client.run.get.query({ runId });
    expect(run.input).toBe("x\ufffd");
  });

  it("refuses a graph nested past the limit with a 400 naming it, and stores nothing", async () => {
    const before = await client.flow.list.query({});
    const error = await refusal(client.flow.create.mutate({ name: "Deep", graph: graphWithData(nestedData(130)) }));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toContain(`node "deep" settings nest deeper than the limit of ${MAX_NODE_DATA_DEPTH} levels`);
    expect(error.message).not.toMatch(/prisma|recursion/i);
    expect(await client.flow.list.query({})).toHaveLength(before.length);

    const flow = await client.flow.create.mutate({ name: "Shallow", graph: graphWithData(nestedData(MAX_NODE_DATA_DEPTH)) });
    const updated = await refusal(client.flow.update.mutate({ id: flow.id, version: flow.version, graph: graphWithData(nestedData(MAX_NODE_DATA_DEPTH + 1)) }));
    expect(updated.data?.httpStatus).toBe(400);
    expect((await client.flow.get.query({ id: flow.id })).graph).toEqual(flow.graph);
  });

  it("answers an unexpected failure with a generic message and keeps its text on the server", async () => {
    const secretText = "Invalid `prisma.flow.findMany()` invocation: connection to 10.1.2.3 refused";
    const failing: App = { ...app, services: { ...app.services, flows: { ...app.services.flows, list: () => Promise.reject(new Error(secretText)) } } };
    const handler = (request: Request) =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req: request,
        router: appRouter,
        allowMethodOverride: true,
        createContext: () => createContext({ headers: request.headers, caller: localTestCaller, app: failing }),
      });
    const failingServer = await startRouteServer([{ method: "POST", path: /^\/api\/trpc\//, handler }]);
    try {
      const error = await refusal(clientFor(failingServer.url).flow.list.query({}));
      expect(error.data?.httpStatus).toBe(500);
      expect(error.message).toBe(INTERNAL_ERROR_MESSAGE);
      expect(JSON.stringify(error.shape)).not.toContain("prisma");
    } finally {
      await failingServer.close();
    }
  });
});
