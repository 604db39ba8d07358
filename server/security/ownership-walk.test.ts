// The ownership walk: user A makes one of everything; user B then calls every tRPC procedure of appRouter and
// every /api/v1 route with A's ids. Each must answer NOT_FOUND/404 (list-like and own-only procedures must
// show nothing of A's), and A's rows must be exactly as before. Procedures and routes are enumerated from
// the router and the app folder, so one added later without an input here fails with "no input for <path>".
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVault } from "@/lib/secrets";
import { appRouter, createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import type { Db } from "@/server/db/client";
import { createServices } from "@/server/services";
import { createChatService } from "@/server/runs/chat-service";
import { createRunService } from "@/server/runs/run-service";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createTestUser } from "@/testing/users";

/** What user A made; every id B is handed. */
type Ids = { flowId: string; runId: string; linkId: string; token: string; apiKeyId: string; credentialId: string; googleId: string; memberId: string; memberEmail: string; userId: string; sessionId: string };

/**
 * How B's call must end:
 * - `notFound`: NOT_FOUND, exactly as an id that does not exist;
 * - `own`: succeeds, answering only with B's own rows (nothing of A's);
 * - `public`: allowed to anyone holding A's share token (a capability A handed out); it may show the shared
 *   flow but must change nothing of A's;
 * - `adminOnly`: FORBIDDEN, since B is not the admin (the admin's own reach is tested in admin.test.ts).
 */
type Outcome = "notFound" | "own" | "public" | "adminOnly";
type Case = { input: (ids: Ids) => unknown; outcome: Outcome };

const graph = chatGraph();
const procedureCases: Record<string, Case> = {
  "account.me": { input: () => undefined, outcome: "own" },
  "admin.listUsers": { input: () => undefined, outcome: "adminOnly" },
  "admin.setUserDisabled": { input: (ids) => ({ userId: ids.userId, disabled: true }), outcome: "adminOnly" },
  "admin.createInvitation": { input: () => ({ email: "someone@example.test" }), outcome: "adminOnly" },
  "admin.listInvitations": { input: () => undefined, outcome: "adminOnly" },
  "admin.revokeInvitation": { input: () => ({ id: "any-invitation" }), outcome: "adminOnly" },
  "apiKey.create": { input: () => ({ name: "B's key" }), outcome: "own" },
  "apiKey.list": { input: () => undefined, outcome: "own" },
  "apiKey.revoke": { input: (ids) => ({ id: ids.apiKeyId }), outcome: "notFound" },
  "chat.send": { input: (ids) => ({ flowId: ids.flowId, sessionId: ids.sessionId, message: "hi" }), outcome: "notFound" },
  "chat.sessions": { input: (ids) => ({ flowId: ids.flowId }), outcome: "notFound" },
  "chat.session": { input: (ids) => ({ sessionId: ids.sessionId }), outcome: "notFound" },
  "chat.deleteSession": { input: (ids) => ({ sessionId: ids.sessionId }), outcome: "notFound" },
  "credential.list": { input: () => undefined, outcome: "own" },
  "credential.create": { input: () => ({ name: "B's key", kind: "openai", secret: "sk-b-0000000000000" }), outcome: "own" },
  "credential.delete": { input: (ids) => ({ id: ids.credentialId }), outcome: "notFound" },
  "flow.create": { input: () => ({ name: "B's flow" }), outcome: "own" },
  "flow.get": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.list": { input: () => undefined, outcome: "own" },
  "flow.update": { input: (ids) => ({ id: ids.flowId, version: 2, graph }), outcome: "notFound" },
  "flow.rename": { input: (ids) => ({ id: ids.flowId, name: "taken" }), outcome: "notFound" },
  "flow.duplicate": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.delete": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.compile": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.versions": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.getVersion": { input: (ids) => ({ id: ids.flowId, version: 1 }), outcome: "notFound" },
  "flow.restoreVersion": { input: (ids) => ({ id: ids.flowId, version: 1, expectedVersion: 2 }), outcome: "notFound" },
  "flow.export": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.mcpTool": { input: (ids) => ({ id: ids.flowId }), outcome: "notFound" },
  "flow.setMcpTool": { input: (ids) => ({ id: ids.flowId, exposed: false, toolName: "taken_by_b" }), outcome: "notFound" },
  "flow.import": { input: () => ({ document: { format: "osmen-flow", formatVersion: 1, name: "Imported by B", description: "", graph } }), outcome: "own" },
  "flowMember.list": { input: (ids) => ({ flowId: ids.flowId }), outcome: "notFound" },
  "flowMember.add": { input: (ids) => ({ flowId: ids.flowId, email: ids.memberEmail, role: "editor" }), outcome: "notFound" },
  "flowMember.setRole": { input: (ids) => ({ flowId: ids.flowId, userId: ids.memberId, role: "editor" }), outcome: "notFound" },
  "flowMember.remove": { input: (ids) => ({ flowId: ids.flowId, userId: ids.memberId }), outcome: "notFound" },
  "google.status": { input: () => undefined, outcome: "own" },
  "google.saveClient": { input: () => ({ clientId: "b-client-id.apps.googleusercontent.com", clientSecret: "b-client-secret" }), outcome: "own" },
  "google.disconnect": { input: () => undefined, outcome: "own" },
  "provider.models": { input: (ids) => ({ provider: "openai", credentialId: ids.credentialId }), outcome: "notFound" },
  "provider.status": { input: () => undefined, outcome: "own" },
  "run.start": { input: (ids) => ({ flowId: ids.flowId, input: "hi" }), outcome: "notFound" },
  "run.cancel": { input: (ids) => ({ runId: ids.runId }), outcome: "notFound" },
  "run.pin": { input: (ids) => ({ runId: ids.runId, pinned: true }), outcome: "notFound" },
  "run.get": { input: (ids) => ({ runId: ids.runId }), outcome: "notFound" },
  "run.list": { input: (ids) => ({ flowId: ids.flowId }), outcome: "notFound" },
  "run.events": { input: (ids) => ({ runId: ids.runId, afterSeq: 0 }), outcome: "notFound" },
  "share.create": { input: (ids) => ({ flowId: ids.flowId }), outcome: "notFound" },
  "share.list": { input: (ids) => ({ flowId: ids.flowId }), outcome: "notFound" },
  "share.revoke": { input: (ids) => ({ id: ids.linkId }), outcome: "notFound" },
  "share.view": { input: (ids) => ({ token: ids.token }), outcome: "public" },
  "share.duplicate": { input: (ids) => ({ token: ids.token }), outcome: "public" },
  "share.setChat": { input: (ids) => ({ id: ids.linkId, chatEnabled: true }), outcome: "notFound" },
  // A's link is not open for chatting: to everyone it is no chat at all.
  "shareChat.info": { input: (ids) => ({ token: ids.token }), outcome: "notFound" },
  "shareChat.send": { input: (ids) => ({ token: ids.token, message: "hi" }), outcome: "notFound" },
  "shareChat.session": { input: (ids) => ({ token: ids.token, visitorId: "v".repeat(43), sessionId: ids.sessionId }), outcome: "notFound" },
  "template.list": { input: () => undefined, outcome: "own" },
  "template.use": { input: () => ({ id: "daily-brief" }), outcome: "own" },
};

/** The MCP tool name A exposes their flow under; B's key must neither see nor call it at /api/mcp. */
const A_TOOL = "a_private_tool";

/** The procedures open to callers with no identity at all; anything else public is a leak. */
// shareChat.*: a share link's visitors, known by the token and a visitor id only; the chat runs as the link's
// owner and answers text, never run details (server/runs/share-chat-service.test.ts).
const publicProcedures = ["account.me", "share.view", "shareChat.info", "shareChat.send", "shareChat.session"];

/** `lists`: the route answers B's own things (200), and must name none of A's. */
type RouteCase = { params: (ids: Ids) => Record<string, string>; body?: (ids: Ids) => unknown; lists?: true };
const routeCases: Record<string, RouteCase> = {
  "POST /api/v1/flows/[id]/run": { params: (ids) => ({ id: ids.flowId }), body: () => ({ input: "hi" }) },
  "GET /api/v1/runs/[id]": { params: (ids) => ({ id: ids.runId }) },
  "GET /api/v1/runs/[id]/events": { params: (ids) => ({ id: ids.runId }) },
  "POST /api/v1/chat/completions": { params: () => ({}), body: (ids) => ({ model: `flow:${ids.flowId}`, messages: [{ role: "user", content: "hi" }] }) },
  "GET /api/v1/models": { params: () => ({}), lists: true },
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [`${method} /api/v1/[...path]`, { params: (ids: Ids) => ({ path: ["flows", ids.flowId] }) }]),
  ),
};

const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const v1Folder = path.join(process.cwd(), "app/api/v1");

function routeFiles(): string[] {
  return (readdirSync(v1Folder, { recursive: true }) as string[]).filter((file) => path.basename(file) === "route.ts").map((file) => path.join(v1Folder, file));
}

const procedures = () => Object.entries((appRouter._def as unknown as { procedures: Record<string, { _def: { type: string } }> }).procedures);

async function callProcedure(caller: ReturnType<typeof createCaller>, procedurePath: string, type: string, input: unknown): Promise<unknown> {
  const target = procedurePath.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  const result = await target(input);
  if (type !== "subscription") return result;
  const events: unknown[] = [];
  for await (const event of result as AsyncIterable<unknown>) events.push(event);
  return events;
}

/** Everything of A's, as stored: compared before and after B's walk. */
async function snapshotOf({ prisma }: Db, userId: string) {
  const flows = await prisma.flow.findMany({ where: { ownerId: userId }, orderBy: { id: "asc" } });
  const flowIds = flows.map((flow) => flow.id);
  const runs = await prisma.run.findMany({ where: { flowId: { in: flowIds } }, orderBy: { id: "asc" } });
  return {
    flows,
    versions: await prisma.flowVersion.findMany({ where: { flowId: { in: flowIds } }, orderBy: { id: "asc" } }),
    members: await prisma.flowMember.findMany({ where: { flowId: { in: flowIds } }, orderBy: { id: "asc" } }),
    links: await prisma.shareLink.findMany({ where: { flowId: { in: flowIds } }, orderBy: { id: "asc" } }),
    runs,
    events: await prisma.runEvent.findMany({ where: { runId: { in: runs.map((run) => run.id) } }, orderBy: [{ runId: "asc" }, { seq: "asc" }] }),
    apiKeys: await prisma.apiKey.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    credentials: await prisma.credential.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    chatSessions: await prisma.chatSession.findMany({ where: { userId }, include: { messages: { orderBy: { seq: "asc" } } }, orderBy: { id: "asc" } }),
  };
}

describe.each(testDatabases())("ownership walk on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let ids: Ids;
  let callerB: ReturnType<typeof createCaller>;
  let keyB: string;
  let runs: ReturnType<typeof createRunService>;
  let restore: () => void;

  beforeAll(async () => {
    database = await create();
    const vault = createVault(randomBytes(32));
    const services = createServices(database, () => vault);
    runs = createRunService({ db: database, flows: services.flows }, { maxConcurrentRuns: 4, runTimeoutMs: 20_000, providers: () => createScriptedProvider({ respond: () => "ok" }) });
    restore = useAppSingletons({ db: database, runs, vault }).restore;
    const [a, b, member] = [await createTestUser(database), await createTestUser(database), await createTestUser(database)];
    const chat = createChatService({ db: database, flows: services.flows, runs });
    const callerA = createCaller(await createContext({ headers: new Headers(), caller: a.caller, app: { db: database, runs, services, chat } }));
    callerB = createCaller(await createContext({ headers: new Headers(), caller: b.caller, app: { db: database, runs, services, chat } }));

    const flow = await callerA.flow.create({ name: "A's flow", graph });
    await callerA.flow.update({ id: flow.id, version: 1, graph, description: "second version" });
    const { runId } = await callerA.run.start({ flowId: flow.id, input: "hello" });
    await runs.waitFor(a.caller, runId);
    const chatted = await callerA.chat.send({ flowId: flow.id, message: "hello" });
    await runs.waitFor(a.caller, chatted.runId);
    await chat.idle();
    await callerA.flow.setMcpTool({ id: flow.id, exposed: true, toolName: A_TOOL });
    const link = await callerA.share.create({ flowId: flow.id });
    const apiKey = await callerA.apiKey.create({ name: "A's key" });
    const credential = await callerA.credential.create({ name: "A's OpenAI", kind: "openai", secret: "sk-a-secret-000000000" });
    await callerA.google.saveClient({ clientId: "a-client-id.apps.googleusercontent.com", clientSecret: "a-client-secret" });
    const google = await services.credentials.create(a.caller, { name: "Google", kind: "google", secret: JSON.stringify({ refreshToken: "1//a-refresh", scopes: [] }) });
    await callerA.flowMember.add({ flowId: flow.id, email: member.email, role: "viewer" });
    ids = {
      flowId: flow.id,
      runId,
      linkId: link.id,
      token: link.token,
      apiKeyId: apiKey.id,
      credentialId: credential.id,
      googleId: google.id,
      memberId: member.id,
      memberEmail: member.email,
      userId: a.id,
      sessionId: chatted.sessionId,
    };
    keyB = (await services.apiKeys.create(b.caller, { name: "B's key" })).key;
  });
  afterAll(async () => {
    await runs?.idle();
    restore?.();
    await database?.drop();
  });

  /** A's ids that must never appear in an answer to B (the share token's flow name may, through share.view). */
  const idsOfA = () => [ids.flowId, ids.runId, ids.linkId, ids.apiKeyId, ids.credentialId, ids.googleId, ids.memberId, ids.userId, ids.sessionId];

  it("every procedure answers B with NOT_FOUND or nothing of A's, and changes nothing of A's", async () => {
    const before = await snapshotOf(database, ids.userId);
    const problems: string[] = [];
    for (const [procedurePath, procedure] of procedures()) {
      const entry = procedureCases[procedurePath];
      if (!entry) {
        problems.push(`no input for ${procedurePath}: add one`);
        continue;
      }
      const outcome = await callProcedure(callerB, procedurePath, procedure._def.type, entry.input(ids)).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      if (entry.outcome === "notFound" || entry.outcome === "adminOnly") {
        const expected = entry.outcome === "notFound" ? "NOT_FOUND" : "FORBIDDEN";
        const code = "error" in outcome && outcome.error instanceof TRPCError ? outcome.error.code : "value" in outcome ? "answered" : String(outcome.error);
        if (code !== expected) problems.push(`${procedurePath}: expected ${expected}, got ${code}`);
      } else if ("error" in outcome) {
        problems.push(`${procedurePath}: expected an answer, got ${(outcome.error as Error).message}`);
      } else {
        const text = JSON.stringify(outcome.value) ?? "";
        const leaked = idsOfA().filter((id) => text.includes(id));
        if (leaked.length > 0) problems.push(`${procedurePath}: answered with A's ${leaked.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshotOf(database, ids.userId)).toEqual(before);
  });

  it("only the listed procedures are open to a caller with no identity", async () => {
    const anonymous = createCaller(await createContext({ headers: new Headers(), caller: null, app: createApp({ db: database, runs }) }));
    const open: string[] = [];
    for (const [procedurePath, procedure] of procedures()) {
      const entry = procedureCases[procedurePath];
      if (!entry) continue;
      const isRefused = await callProcedure(anonymous, procedurePath, procedure._def.type, entry.input(ids)).then(
        () => false,
        (error: unknown) => error instanceof TRPCError && error.code === "UNAUTHORIZED",
      );
      if (!isRefused) open.push(procedurePath);
    }
    expect(open.sort()).toEqual([...publicProcedures].sort());
  });

  it("every /api/v1 route answers B's API key with 404 for A's ids, and changes nothing of A's", async () => {
    const before = await snapshotOf(database, ids.userId);
    const problems: string[] = [];
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const routeModule = (await import(file)) as Record<string, unknown>;
      const route = `/api/v1/${path.relative(v1Folder, path.dirname(file)).split(path.sep).join("/")}`;
      for (const method of httpMethods) {
        const handler = routeModule[method] as ((request: Request, context: { params: Promise<unknown> }) => Promise<Response>) | undefined;
        if (!handler) continue;
        const key = `${method} ${route}`;
        const entry = routeCases[key];
        if (!entry) {
          problems.push(`no input for ${key}: add one`);
          continue;
        }
        const body = entry.body?.(ids);
        const request = new Request(`http://localhost${route}`, {
          method,
          headers: { authorization: `Bearer ${keyB}`, "content-type": "application/json" },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        const response = await handler(request, { params: Promise.resolve(entry.params(ids)) });
        if (entry.lists) {
          const text = await response.text();
          const leaked = idsOfA().filter((id) => text.includes(id));
          if (response.status !== 200 || leaked.length > 0) problems.push(`${key}: expected B's own list, got ${response.status} naming ${leaked.join(", ") || "nothing of A's"}`);
        } else if (response.status !== 404) problems.push(`${key}: expected 404, got ${response.status} ${await response.text()}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshotOf(database, ids.userId)).toEqual(before);
  });

  it("/api/mcp shows B's API key none of A's tools and calls none of them", async () => {
    const before = await snapshotOf(database, ids.userId);
    const { POST } = await import("@/app/api/mcp/route");
    const rpc = async (method: string, params: unknown) => {
      const request = new Request("http://localhost/api/mcp", {
        method: "POST",
        headers: { authorization: `Bearer ${keyB}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      });
      return (await POST(request, { params: Promise.resolve({}) })).text();
    };
    const listed = await rpc("tools/list", {});
    expect(listed).toContain('"tools":[]');
    const called = await rpc("tools/call", { name: A_TOOL, arguments: { input: "hi" } });
    expect(called).toContain(`Unknown tool: ${A_TOOL}`);
    for (const text of [listed, called]) expect(idsOfA().filter((id) => text.includes(id))).toEqual([]);
    expect(await snapshotOf(database, ids.userId)).toEqual(before);
  });
});
