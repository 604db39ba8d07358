// Conversations over the HTTP API, over real HTTP against a local Ollama-protocol server: the REST run API's
// sessionId, and the OpenAI-compatible endpoint's whole messages array, both reaching a flow's memory node.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatGraph, memoryChatGraph } from "@/testing/flow-graphs";
import { startRouteServer } from "@/testing/route-server";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { RecordedRequest, ScriptedServer } from "@/testing/servers/scripted-server";
import { localTestCaller as owner } from "@/testing/trpc-caller";
import type { Services } from "@/server/services";

let ollama: ScriptedServer;
let app: Awaited<ReturnType<typeof startRouteServer>>;
let key: string;
let memoryFlowId: string;
let plainFlowId: string;
let services: Services;

type WireMessage = { role: string; content: string };
const messagesOf = (request: RecordedRequest | undefined): WireMessage[] => (request?.body.messages as WireMessage[]).map(({ role, content }) => ({ role, content }));
/** The model answers with the user messages it was sent, so an answer shows what history reached it. */
const recallUsers = (request: RecordedRequest) => ({
  text: messagesOf(request)
    .filter((message) => message.role === "user")
    .map((message) => message.content)
    .join(" | "),
});

beforeAll(async () => {
  ollama = await startOllamaServer();
  process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "osmen-api-chat-")), "api.db")}`;
  process.env.OLLAMA_HOST = ollama.url;
  const runRoute = await import("@/app/api/v1/flows/[id]/run/route");
  const chatRoute = await import("@/app/api/v1/chat/completions/route");
  app = await startRouteServer([
    { method: "POST", path: /^\/api\/v1\/flows\/([^/]+)\/run$/, paramNames: ["id"], handler: runRoute.POST },
    { method: "POST", path: /^\/api\/v1\/chat\/completions$/, handler: chatRoute.POST },
  ]);
  const { prepareDatabase, getDb } = await import("@/server/db");
  const { createServices } = await import("@/server/services");
  await prepareDatabase();
  services = createServices(getDb());
  key = (await services.apiKeys.create(owner, { name: "tests" })).key;
  memoryFlowId = (await services.flows.create(owner, { name: "Chatbot", graph: memoryChatGraph({ system: "Be brief." }) })).id;
  plainFlowId = (await services.flows.create(owner, { name: "No memory", graph: chatGraph() })).id;
});

beforeEach(() => {
  ollama.reset();
  ollama.setDefault(recallUsers);
});

afterAll(async () => {
  await app?.close();
  await ollama?.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${url}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers }, body: JSON.stringify(body) });

describe("POST /api/v1/flows/{id}/run with sessionId", () => {
  it("starts a session with \"new\" and continues it: the flow's memory node gets the earlier turns", async () => {
    const first = await (await post(`/api/v1/flows/${memoryFlowId}/run`, { input: "My name is Ada.", sessionId: "new" })).json();
    expect(first).toMatchObject({ status: "succeeded", output: "My name is Ada.", sessionId: expect.any(String) });

    const second = await (await post(`/api/v1/flows/${memoryFlowId}/run`, { input: "What is my name?", sessionId: first.sessionId })).json();
    expect(second).toMatchObject({ status: "succeeded", sessionId: first.sessionId, output: "My name is Ada. | What is my name?" });
    expect(messagesOf(ollama.requests.at(-1))).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "My name is Ada." },
      { role: "assistant", content: "My name is Ada." },
      { role: "user", content: "What is my name?" },
    ]);
    const { getApp } = await import("@/server/app");
    const session = await getApp().chat.session(owner, first.sessionId);
    expect(session.messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("names the session in a header when the run streams", async () => {
    const response = await post(`/api/v1/flows/${memoryFlowId}/run`, { input: "Hello", sessionId: "new" }, { accept: "text/event-stream" });
    expect(response.headers.get("osmen-session-id")).toMatch(/\S+/);
    expect(await response.text()).toContain("run.completed");
  });

  it("answers 404 for a session that does not exist, and runs without one as before", async () => {
    const missing = await post(`/api/v1/flows/${memoryFlowId}/run`, { input: "hi", sessionId: "no-such-session" });
    expect(missing.status).toBe(404);
    const plain = await (await post(`/api/v1/flows/${memoryFlowId}/run`, { input: "Alone" })).json();
    expect(plain).toMatchObject({ status: "succeeded", sessionId: null, output: "Alone" });
  });
});

describe("POST /api/v1/chat/completions with a multi-turn messages array", () => {
  const client = () => new OpenAI({ apiKey: key, baseURL: `${app.url}/api/v1`, maxRetries: 0 });
  const conversation: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "system", content: "You are a pirate." },
    { role: "user", content: "My ship is the Pearl." },
    { role: "assistant", content: "Arr, a fine ship." },
    { role: "user", content: "What is my ship called?" },
  ];

  it("passes the system prompt and earlier turns to the flow's memory node as history", async () => {
    const completion = await client().chat.completions.create({ model: `flow:${memoryFlowId}`, messages: conversation });

    expect(completion.choices[0]?.message.content).toBe("My ship is the Pearl. | What is my ship called?");
    expect(messagesOf(ollama.requests.at(-1))).toEqual([
      { role: "system", content: "Be brief." },
      { role: "system", content: "You are a pirate." },
      { role: "user", content: "My ship is the Pearl." },
      { role: "assistant", content: "Arr, a fine ship." },
      { role: "user", content: "What is my ship called?" },
    ]);
  });

  it("a flow without a memory node still answers the last user message only", async () => {
    const completion = await client().chat.completions.create({ model: `flow:${plainFlowId}`, messages: conversation, stream: false });
    expect(completion.choices[0]?.message.content).toBe("What is my ship called?");
    expect(messagesOf(ollama.requests.at(-1))).toEqual([{ role: "user", content: "What is my ship called?" }]);
  });
});
