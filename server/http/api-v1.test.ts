// The HTTP API over real HTTP: the app's route handlers, a real SQLite database, the default provider layer
// pointed at a local Ollama-protocol server, and the official openai client.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chatGraph } from "@/testing/flow-graphs";
import { startRouteServer } from "@/testing/route-server";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { localTestCaller as owner } from "@/testing/trpc-caller";
import { createTestUser } from "@/testing/users";
import type { Services } from "@/server/services";

let ollama: ScriptedServer;
let app: Awaited<ReturnType<typeof startRouteServer>>;
let key: string;
let revokedKey: string;
let flowId: string;
let brokenFlowId: string;
let services: Services;
let db: import("@/server/db/client").Db;

beforeAll(async () => {
  ollama = await startOllamaServer();
  process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "osmen-api-")), "api.db")}`;
  process.env.OLLAMA_HOST = ollama.url;
  const runRoute = await import("@/app/api/v1/flows/[id]/run/route");
  const runsRoute = await import("@/app/api/v1/runs/[id]/route");
  const chatRoute = await import("@/app/api/v1/chat/completions/route");
  const modelsRoute = await import("@/app/api/v1/models/route");
  const unknownRoute = await import("@/app/api/v1/[...path]/route");
  app = await startRouteServer([
    { method: "GET", path: /^\/api\/v1\/models$/, handler: modelsRoute.GET },
    { method: "POST", path: /^\/api\/v1\/flows\/([^/]+)\/run$/, paramNames: ["id"], handler: runRoute.POST },
    { method: "GET", path: /^\/api\/v1\/runs\/([^/]+)$/, paramNames: ["id"], handler: runsRoute.GET },
    { method: "POST", path: /^\/api\/v1\/chat\/completions$/, handler: chatRoute.POST },
    { method: "GET", path: /^\/api\/v1\/.+$/, handler: unknownRoute.GET },
  ]);
  const { prepareDatabase, getDb } = await import("@/server/db");
  const { createServices } = await import("@/server/services");
  await prepareDatabase();
  db = getDb();
  services = createServices(db);
  key = (await services.apiKeys.create(owner, { name: "tests" })).key;
  const revoked = await services.apiKeys.create(owner, { name: "old" });
  await services.apiKeys.revoke(owner, revoked.id);
  revokedKey = revoked.key;
  flowId = (await services.flows.create(owner, { name: "Echo", graph: chatGraph({ model: "llama3.2" }) })).id;
  const broken = chatGraph();
  broken.edges = broken.edges.filter((edge) => edge.id !== "e-input");
  brokenFlowId = (await services.flows.create(owner, { name: "Broken", graph: broken })).id;
});

afterAll(async () => {
  await app?.close();
  await ollama?.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${url}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers }, body: JSON.stringify(body) });

describe("POST /api/v1/flows/{id}/run", () => {
  it("waits and answers JSON with the run's output and nodes", async () => {
    ollama.enqueue({ text: ["Hello ", "from ", "Ollama"] });
    const response = await post(`/api/v1/flows/${flowId}/run`, { input: "Say hello" });
    expect(response.status).toBe(200);
    // One key's run: never stored by a cache, and not compressed per answer by Next.js (server/http/api-route.ts).
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const body = await response.json();
    expect(body).toMatchObject({ status: "succeeded", output: "Hello from Ollama", nodes: { llm: { status: "succeeded" } } });
    expect(ollama.requests.at(-1)?.body.messages.at(-1)).toMatchObject({ role: "user", content: "Say hello" });

    const fetched = await fetch(`${app.url}/api/v1/runs/${body.runId}`, { headers: { authorization: `Bearer ${key}` } });
    expect(await fetched.json()).toMatchObject({ runId: body.runId, status: "succeeded", output: "Hello from Ollama" });
  });

  it("streams the RunEvents as server-sent events when asked", async () => {
    ollama.enqueue({ text: ["a", "b", "c"] });
    const response = await post(`/api/v1/flows/${flowId}/run`, { input: "letters" }, { accept: "text/event-stream" });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const frames = (await response.text()).trim().split("\n\n");
    const events = frames.map((frame) => JSON.parse(frame.split("\n").find((line) => line.startsWith("data: "))!.slice(6)));
    expect(events[0].type).toBe("run.started");
    expect(events.at(-1)).toMatchObject({ type: "run.completed", output: "abc" });
    expect(events.map((event) => event.seq)).toEqual(events.map((_: unknown, index: number) => index + 1));
    expect(events.filter((event) => event.type === "node.delta").map((event) => event.text).join("")).toBe("abc");
  });

  it("answers 401 for a missing, wrong or revoked key", async () => {
    for (const authorization of [undefined, "Bearer osm_wrong", `Bearer ${revokedKey}`]) {
      const response = await fetch(`${app.url}/api/v1/flows/${flowId}/run`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization && { authorization }) },
        body: JSON.stringify({ input: "x" }),
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("API key") });
    }
  });

  it("answers 404 for an unknown flow and 422 listing the diagnostics of a broken one", async () => {
    expect((await post("/api/v1/flows/nope/run", { input: "x" })).status).toBe(404);
    const response = await post(`/api/v1/flows/${brokenFlowId}/run`, { input: "x" });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.details.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: "required_input_missing", nodeId: "llm" })]));
  });

  it("answers 400 naming the field for a bad body", async () => {
    const response = await post(`/api/v1/flows/${flowId}/run`, { input: 42 });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^input: /);
  });
});

describe("POST /api/v1/chat/completions with the openai client", () => {
  const client = () => new OpenAI({ apiKey: key, baseURL: `${app.url}/api/v1`, maxRetries: 0 });

  it("answers a flow as a chat completion; the last user message is the input", async () => {
    ollama.enqueue({ text: ["Four"], usage: { inputTokens: 12, outputTokens: 1 } });
    const completion = await client().chat.completions.create({
      model: `flow:${flowId}`,
      messages: [{ role: "system", content: "ignored" }, { role: "user", content: "What is 2+2?" }],
    });
    expect(completion.choices[0]?.message.content).toBe("Four");
    expect(completion.object).toBe("chat.completion");
    expect(completion.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 1, total_tokens: 13 });
    expect(ollama.requests.at(-1)?.body.messages.at(-1).content).toBe("What is 2+2?");
  });

  it("streams chat.completion.chunk events as the flow's answer streams", async () => {
    ollama.enqueue({ text: ["Once ", "upon ", "a time"] });
    const stream = await client().chat.completions.create({
      model: `flow:${flowId}`,
      messages: [{ role: "user", content: "Tell a story" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const pieces: string[] = [];
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("chat.completion.chunk");
      pieces.push(chunk.choices[0]?.delta.content ?? "");
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
    }
    expect(pieces.join("")).toBe("Once upon a time");
    expect(pieces.filter(Boolean).length).toBe(3);
    expect(finishReason).toBe("stop");
  });

  it("answers a failed run once: the client is told not to retry, so the flow does not run again", async () => {
    ollama.enqueue({ error: { status: 404, message: 'model "llama3.2" not found, try pulling it first' } });
    const before = await db.prisma.run.count({ where: { flowId } });
    // The SDK's default: two retries of a 5xx answer unless the server says not to.
    const retrying = new OpenAI({ apiKey: key, baseURL: `${app.url}/api/v1`, maxRetries: 2 });
    await expect(retrying.chat.completions.create({ model: `flow:${flowId}`, messages: [{ role: "user", content: "fail once" }] })).rejects.toBeInstanceOf(
      OpenAI.InternalServerError,
    );
    expect(await db.prisma.run.count({ where: { flowId } })).toBe(before + 1);
  });

  it("lists the flows the key's user can run as models, named as a completion names them", async () => {
    const models = await client().models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids).toContain(`flow:${flowId}`);
    expect(models.data.find((model) => model.id === `flow:${flowId}`)).toMatchObject({ object: "model" });
    const stranger = await createTestUser(db);
    const strangerKey = (await services.apiKeys.create(stranger.caller, { name: "theirs" })).key;
    const theirs = await new OpenAI({ apiKey: strangerKey, baseURL: `${app.url}/api/v1`, maxRetries: 0 }).models.list();
    expect(theirs.data.map((model) => model.id)).not.toContain(`flow:${flowId}`);
  });

  it("answers an unknown API path with a JSON 404 that names the routes there are", async () => {
    const response = await fetch(`${app.url}/api/v1/flows`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("POST /api/v1/flows/{id}/run") });
  });

  it("raises the client's own errors for a bad key and an unknown flow", async () => {
    const badKey = new OpenAI({ apiKey: "osm_nope", baseURL: `${app.url}/api/v1`, maxRetries: 0 });
    await expect(badKey.chat.completions.create({ model: `flow:${flowId}`, messages: [{ role: "user", content: "x" }] })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client().chat.completions.create({ model: "flow:missing", messages: [{ role: "user", content: "x" }] })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(client().chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});

describe("API keys act as their user, within their scope", () => {
  const runWith = (apiKey: string, id = flowId) =>
    fetch(`${app.url}/api/v1/flows/${id}/run`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ input: "hi" }) });

  it("a successful run's model node reads succeeded, with its model calls counted, not cancelled", async () => {
    ollama.enqueue({ text: ["four"] });
    const body = await (await post(`/api/v1/flows/${flowId}/run`, { input: "2+2?" })).json();
    expect(body.nodes.model).toMatchObject({ status: "succeeded", uses: { as: "model", count: 1, by: ["llm"] } });
  });

  it("a run stopped by its owner reads cancelled over the API, its nodes too, and is stored so", async () => {
    const { getApp } = await import("@/server/app");
    const { runs } = getApp();
    ollama.enqueue({ text: ["never"], until: new Promise(() => {}) });
    const { runId } = await runs.start(owner, { flowId, input: "wait" });
    for await (const event of runs.events(owner, runId, 0)) if (event.type === "node.started" && event.nodeId === "llm") break;
    // Stop once the model has the request, so the held answer is the one this run took (not left for the next).
    await vi.waitFor(() => expect(ollama.requests.some((request) => request.path === "/api/chat" && request.body.messages.at(-1).content === "wait")).toBe(true));
    await runs.cancel(owner, runId);
    await runs.waitFor(owner, runId);
    const fetched = await fetch(`${app.url}/api/v1/runs/${runId}`, { headers: { authorization: `Bearer ${key}` } });
    const body = await fetched.json();
    expect(body).toMatchObject({ status: "cancelled", error: { code: "cancelled" } });
    expect(body.nodes).toMatchObject({ input: { status: "succeeded" }, llm: { status: "cancelled" }, model: { status: "cancelled" }, output: { status: "cancelled" } });
    expect(await database().run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "cancelled" });
  });

  it("a run-scoped key runs a flow of its user and reads the run", async () => {
    const runKey = await services.apiKeys.create(owner, { name: "runner", scope: "run" });
    expect(runKey.scope).toBe("run");
    ollama.enqueue({ text: ["ran"] });
    const response = await runWith(runKey.key);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "succeeded", output: "ran" });
    const run = await database().run.findUniqueOrThrow({ where: { id: body.runId } });
    expect(run).toMatchObject({ userId: owner.userId, source: "api" });
    const fetched = await fetch(`${app.url}/api/v1/runs/${body.runId}`, { headers: { authorization: `Bearer ${runKey.key}` } });
    expect(fetched.status).toBe(200);
  });

  it("a run-scoped key gets 403 from a route that needs full access", async () => {
    const { apiRoute } = await import("@/server/http/api-route");
    let isReached = false;
    const fullOnly = apiRoute<Record<string, never>>(async () => ((isReached = true), Response.json({ ok: true })));
    const params = { params: Promise.resolve({}) };
    const runKey = await services.apiKeys.create(owner, { name: "runner-2", scope: "run" });
    const refused = await fullOnly(new Request("http://localhost/api/v1/anything", { headers: { authorization: `Bearer ${runKey.key}` } }), params);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("only run flows") });
    expect(isReached).toBe(false);
    const allowed = await fullOnly(new Request("http://localhost/api/v1/anything", { headers: { authorization: `Bearer ${key}` } }), params);
    expect(allowed.status).toBe(200);
  });

  it("a key revoked after use gets 401 on the very next request", async () => {
    const doomed = await services.apiKeys.create(owner, { name: "doomed" });
    ollama.enqueue({ text: ["once"] });
    expect((await runWith(doomed.key)).status).toBe(200);
    await services.apiKeys.revoke(owner, doomed.id);
    const response = await runWith(doomed.key);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/revoked/);
  });

  it("a banned user's key gets 401 on the next request, and works again once the ban is lifted", async () => {
    const user = await createTestUser(db);
    const ownFlow = await services.flows.create(user.caller, { name: "Theirs", graph: chatGraph({ model: "llama3.2" }) });
    const userKey = await services.apiKeys.create(user.caller, { name: "theirs" });
    ollama.enqueue({ text: ["fine"] });
    expect((await runWith(userKey.key, ownFlow.id)).status).toBe(200);
    await database().user.update({ where: { id: user.id }, data: { banned: true } });
    const refused = await runWith(userKey.key, ownFlow.id);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toMatch(/disabled/);
    await database().user.update({ where: { id: user.id }, data: { banned: false } });
    ollama.enqueue({ text: ["back"] });
    expect((await runWith(userKey.key, ownFlow.id)).status).toBe(200);
  });

  it("another user's key cannot run the owner's flow or read its runs: 404, as if they did not exist", async () => {
    const other = await createTestUser(db);
    const otherKey = await services.apiKeys.create(other.caller, { name: "other" });
    const runsBefore = await database().run.count();
    const response = await runWith(otherKey.key);
    expect(response.status).toBe(404);
    expect(await database().run.count()).toBe(runsBefore);
    const ownersRun = await database().run.findFirstOrThrow({ where: { userId: owner.userId } });
    const fetched = await fetch(`${app.url}/api/v1/runs/${ownersRun.id}`, { headers: { authorization: `Bearer ${otherKey.key}` } });
    expect(fetched.status).toBe(404);
  });
});

const database = () => db.prisma;
