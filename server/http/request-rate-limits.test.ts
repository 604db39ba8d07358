// Request budgets: the limiter alone, then each way in (tRPC, /api/v1, the OpenAI-compatible endpoint, /api/mcp)
// refusing a call over budget with 429, Retry-After and RateLimit-*, having done nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError, type AppError } from "@/lib/errors";
import { createVault } from "@/lib/secrets";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import { createRunService } from "@/server/runs/run-service";
import { createServices, type Services } from "@/server/services";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { startRouteServer } from "@/testing/route-server";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createTestUser, type TestUser } from "@/testing/users";
import { budgetOfProcedure, createRequestRateLimiter, IP_SHARE, type RequestRateLimitSettings } from "./request-rate-limits";

const fromIp = (ip: string) => new Headers({ "x-forwarded-for": ip });
const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (isAppError(error) ? (error as AppError) : error));

describe("request budgets", () => {
  const settings: RequestRateLimitSettings = { read: 3, write: 2, run: 1, openai: 0 };

  it("lets a caller spend their budget, then refuses with the wait and the limit, spending nothing", async () => {
    const limiter = createRequestRateLimiter(settings);
    const alice = { caller: "user:alice", headers: fromIp("203.0.113.7") };
    expect(await limiter.consume("read", alice)).toMatchObject({ limit: 3, remaining: 2 });
    expect(await limiter.consume("read", alice)).toMatchObject({ remaining: 1 });
    expect(await limiter.consume("read", alice)).toMatchObject({ remaining: 0 });
    const refusal = (await refusalOf(limiter.consume("read", alice))) as AppError;
    expect(refusal.code).toBe("TOO_MANY_REQUESTS");
    expect(refusal.userMessage).toMatch(/Too many reads in the last minute \(at most 3\)\. Try again in \d+ s\./);
    expect(refusal.details).toMatchObject({ retryAfterSeconds: expect.any(Number), rateLimit: { limit: 3, remaining: 0 } });
    // Budgets are apart: writes and other callers are untouched, and the refusal cost the IP nothing.
    expect(await limiter.consume("write", alice)).toMatchObject({ limit: 2, remaining: 1 });
    expect(await limiter.consume("read", { caller: "user:bob", headers: fromIp("203.0.113.7") })).toMatchObject({ limit: 3, remaining: 2 });
  });

  it("gives one IP several callers' worth, and refuses past it whoever asks", async () => {
    const limiter = createRequestRateLimiter(settings);
    const office = fromIp("198.51.100.1");
    for (let index = 0; index < settings.run * IP_SHARE; index += 1) await limiter.consume("run", { caller: `user:person-${index}`, headers: office });
    expect(((await refusalOf(limiter.consume("run", { caller: "user:one-more", headers: office }))) as AppError).code).toBe("TOO_MANY_REQUESTS");
    // Signed out, only the IP counts.
    expect(((await refusalOf(limiter.consume("run", { headers: office }))) as AppError).code).toBe("TOO_MANY_REQUESTS");
    expect(await limiter.consume("run", { caller: "user:elsewhere", headers: fromIp("198.51.100.2") })).toMatchObject({ remaining: 0 });
  });

  it("lets exactly the budget through when many calls arrive at once (a batch), and counts a batch of tool calls as many", async () => {
    const limiter = createRequestRateLimiter(settings);
    const alice = { caller: "user:alice", headers: fromIp("203.0.113.9") };
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.consume("read", alice)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(settings.read);
    const bob = { caller: "user:bob", headers: fromIp("203.0.113.10") };
    expect(((await refusalOf(limiter.consume("write", bob, 3))) as AppError).code).toBe("TOO_MANY_REQUESTS");
    // Refused, the batch spent nothing: the caller still has both writes.
    expect(await limiter.consume("write", bob, 2)).toMatchObject({ remaining: 0 });
  });

  it("charges every procedure that starts a run to the run budget, other changes to writes, the rest to reads", () => {
    expect(budgetOfProcedure("run.start", "mutation")).toBe("run");
    expect(budgetOfProcedure("chat.send", "mutation")).toBe("run");
    expect(budgetOfProcedure("flow.update", "mutation")).toBe("write");
    expect(budgetOfProcedure("run.events", "subscription")).toBe("read");
    expect(budgetOfProcedure("flow.list", "query")).toBe("read");
  });

  it("spends nothing from a budget set to 0", async () => {
    const limiter = createRequestRateLimiter(settings);
    for (let index = 0; index < 20; index += 1) expect(await limiter.consume("openai", { caller: "user:alice", headers: fromIp("203.0.113.7") })).toBeNull();
  });
});

describe.each(testDatabases())("request budgets at every way in on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let services: Services;
  let server: Awaited<ReturnType<typeof startRouteServer>>;
  let restore: () => void;
  let person: TestUser;
  let key: string;
  let flowId: string;
  const limits: RequestRateLimitSettings = { read: 4, write: 2, run: 2, openai: 1 };

  beforeAll(async () => {
    database = await create();
    const vault = createVault(randomBytes(32));
    services = createServices(database, () => vault);
    const provider = createScriptedProvider({ respond: () => ({ text: "ok" }) });
    const runs = createRunService({ db: database, flows: services.flows }, { maxConcurrentRuns: 4, runTimeoutMs: 20_000, providers: () => provider });
    restore = useAppSingletons({ db: database, runs, vault, requestLimits: limits }).restore;
    const runRoute = await import("@/app/api/v1/flows/[id]/run/route");
    const chatRoute = await import("@/app/api/v1/chat/completions/route");
    const mcpRoute = await import("@/app/api/mcp/route");
    const runRead = await import("@/app/api/v1/runs/[id]/route");
    server = await startRouteServer([
      { method: "GET", path: /^\/api\/v1\/runs\/([^/]+)$/, paramNames: ["id"], handler: runRead.GET },
      { method: "POST", path: /^\/api\/v1\/flows\/([^/]+)\/run$/, paramNames: ["id"], handler: runRoute.POST },
      { method: "POST", path: /^\/api\/v1\/chat\/completions$/, handler: chatRoute.POST },
      { method: "POST", path: /^\/api\/mcp$/, handler: mcpRoute.POST },
    ]);
    person = await createTestUser(database);
    key = (await services.apiKeys.create(person.caller, { name: "budgets" })).key;
    flowId = (await services.flows.create(person.caller, { name: "Budget", graph: chatGraph() })).id;
    await services.flowTools.set(person.caller, { flowId, exposed: true, toolName: "budget", description: "" });
  });

  afterAll(async () => {
    await server?.close();
    restore?.();
    await database?.drop();
  });

  const storedRuns = () => database.prisma.run.count({ where: { flowId } });
  const post = (path: string, body: unknown, ip: string, bearer = key) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", accept: "application/json, text/event-stream", "x-forwarded-for": ip },
      body: JSON.stringify(body),
    });

  it("tRPC: a change over the write budget is refused and changes nothing", async () => {
    const app = createApp({ db: database, vault: () => createVault(randomBytes(32)), requestLimits: limits });
    const trpc = createCaller(await createContext({ headers: fromIp("192.0.2.10"), caller: person.caller, app }));
    await trpc.flow.create({ name: "One", graph: chatGraph() });
    await trpc.flow.create({ name: "Two", graph: chatGraph() });
    const before = await database.prisma.flow.count({ where: { ownerId: person.id } });
    const refusal = await trpc.flow.create({ name: "Three", graph: chatGraph() }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Too many changes") });
    expect(await database.prisma.flow.count({ where: { ownerId: person.id } })).toBe(before);
    // Reads have their own budget.
    expect((await trpc.flow.list()).length).toBe(before);

    // Many calls at once (a tRPC batch) get no more than the budget either.
    const elsewhere = createCaller(await createContext({ headers: fromIp("192.0.2.11"), caller: (await createTestUser(database)).caller, app }));
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => elsewhere.flow.create({ name: `Batch ${index}`, graph: chatGraph() })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(limits.write);
  });

  it("/api/v1: run starts past the run budget answer 429 with Retry-After and RateLimit-*, and start nothing", async () => {
    const ip = "192.0.2.20";
    const first = await post(`/api/v1/flows/${flowId}/run`, { input: "a" }, ip);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("2");
    expect(first.headers.get("ratelimit-remaining")).toBe("1");
    expect((await post(`/api/v1/flows/${flowId}/run`, { input: "b" }, ip)).status).toBe(200);
    const before = await storedRuns();
    const refused = await post(`/api/v1/flows/${flowId}/run`, { input: "c" }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("ratelimit-policy")).toBe("2;w=60");
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("TOO_MANY_REQUESTS");
    expect(await storedRuns()).toBe(before);
  });

  it("the OpenAI-compatible endpoint has its own budget and answers in OpenAI's error format", async () => {
    const ip = "192.0.2.30";
    const completion = { model: `flow:${flowId}`, messages: [{ role: "user", content: "hi" }] };
    expect((await post("/api/v1/chat/completions", completion, ip)).status).toBe(200);
    const refused = await post("/api/v1/chat/completions", completion, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).not.toBeNull();
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("Too many chat completions");
  });

  it("/api/v1: a wrong key costs its sender's address like a right one, and a refused call writes nothing", async () => {
    const ip = "192.0.2.50";
    const get = (bearer: string) => fetch(`${server.url}/api/v1/runs/nope`, { headers: { authorization: `Bearer ${bearer}`, "x-forwarded-for": ip } });
    const statuses: number[] = [];
    for (let index = 0; index <= limits.read * IP_SHARE; index += 1) statuses.push((await get(`osm_wrong_${index}`)).status);
    expect(new Set(statuses.slice(0, limits.read * IP_SHARE))).toEqual(new Set([401]));
    expect(statuses.at(-1)).toBe(429);

    const reader = await createTestUser(database);
    const readerKey = await services.apiKeys.create(reader.caller, { name: "reader" });
    const read = () => fetch(`${server.url}/api/v1/runs/nope`, { headers: { authorization: `Bearer ${readerKey.key}`, "x-forwarded-for": "192.0.2.51" } });
    for (let index = 0; index < limits.read; index += 1) expect((await read()).status).toBe(404);
    const usedAt = (await database.prisma.apiKey.findUnique({ where: { id: readerKey.id } }))?.lastUsedAt;
    expect((await read()).status).toBe(429);
    expect((await database.prisma.apiKey.findUnique({ where: { id: readerKey.id } }))?.lastUsedAt).toEqual(usedAt);
  });

  it("/api/mcp: listing tools is a read, calling one spends from the run budget", async () => {
    const caller = await createTestUser(database);
    const mcpKey = (await services.apiKeys.create(caller.caller, { name: "mcp" })).key;
    const toolFlow = await services.flows.create(caller.caller, { name: "Tool", graph: chatGraph() });
    await services.flowTools.set(caller.caller, { flowId: toolFlow.id, exposed: true, toolName: "tool", description: "" });
    const rpc = (method: string, params: unknown) => post("/api/mcp", { jsonrpc: "2.0", id: 1, method, params }, "192.0.2.40", mcpKey);
    for (let index = 0; index < 3; index += 1) expect((await rpc("tools/list", {})).status).toBe(200);
    // A batch of three tool calls is three run starts: over the budget of two, refused whole.
    const call = (id: number) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "tool", arguments: { input: "x" } } });
    const batch = await post("/api/mcp", [call(1), call(2), call(3)], "192.0.2.40", mcpKey);
    expect(batch.status).toBe(429);
    expect(await database.prisma.run.count({ where: { flowId: toolFlow.id } })).toBe(0);
    for (let index = 0; index < limits.run; index += 1) expect((await rpc("tools/call", { name: "tool", arguments: { input: "x" } })).status).toBe(200);
    const before = await database.prisma.run.count({ where: { flowId: toolFlow.id } });
    const refused = await rpc("tools/call", { name: "tool", arguments: { input: "x" } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).not.toBeNull();
    expect(await database.prisma.run.count({ where: { flowId: toolFlow.id } })).toBe(before);
  });
});
