// The logs of a whole run over the HTTP API, captured line by line: a request line with the route and the
// user, run lifecycle lines with runId and flowId, a model call line with its latency and outcome, and none of
// the secrets (the stored key, the API key) or the prompt and answer texts anywhere.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProviderResolver } from "@/lib/engine/providers";
import { ProviderRouter } from "@/lib/llm/router/provider-router";
import { createVault } from "@/lib/secrets";
import { createApp, type App } from "@/server/app";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { modelNodeGraph } from "@/testing/flow-graphs";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createTestUser } from "@/testing/users";
import { POST as runFlow } from "@/app/api/v1/flows/[id]/run/route";
import { createLogger } from "./logger.ts";

const STORED_SECRET = "sk-proj-logged-nowhere-5d1e9c";
const PROMPT = "prompt-text-that-must-stay-private-42";
const ANSWER = "answer-text-that-must-stay-private-17";

type Line = Record<string, unknown> & { msg: string };

describe.each(testDatabases())("the logs of a run on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let server: ScriptedServer;
  let restore: () => void;
  const raw: string[] = [];
  let lines: Line[];
  let apiKey: string;
  let flowId: string;
  let runId: string;
  let userId: string;

  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: STORED_SECRET, defaultResponse: { text: ANSWER } });
    database = await create();
    const vault = createVault(randomBytes(32));
    const env = { OSMEN_HTTP_ALLOWLIST: "127.0.0.1" };
    const router = new ProviderRouter({ env });
    const logger = createLogger({ level: "debug", destination: { write: (line: string) => void raw.push(line) } });
    const app: App = createApp({
      db: database,
      vault: () => vault,
      logger,
      runs: {
        maxConcurrentRuns: 2,
        runTimeoutMs: 20_000,
        providers: (runUserId) =>
          createProviderResolver({
            env,
            createProvider: (name, overrides) => router.getProvider(name, { ...overrides, retryAttempts: 0 }),
            resolveCredential: (id) => app.services.credentials.resolveForRun({ userId: runUserId }, id),
          }),
      },
    });
    restore = useAppSingletons({ db: database, vault, app }).restore;
    const user = await createTestUser(database);
    userId = user.id;
    const credential = await app.services.credentials.create(user.caller, { name: "Mine", kind: "openai", secret: STORED_SECRET, baseUrl: server.url });
    flowId = (await app.services.flows.create(user.caller, { name: "Logged", graph: modelNodeGraph("provider.openai", { model: "gpt-4o-mini", credentialId: credential.id }) })).id;
    apiKey = (await app.services.apiKeys.create(user.caller, { name: "runs", scope: "run" })).key;

    const request = new Request(`http://127.0.0.1/api/v1/flows/${flowId}/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ input: PROMPT }),
    });
    const response = await runFlow(request, { params: Promise.resolve({ id: flowId }) });
    const body = (await response.json()) as { status: string; output: string; runId: string };
    expect(body).toMatchObject({ status: "succeeded", output: ANSWER });
    runId = body.runId;
    await app.runs.idle();
    lines = raw.map((line) => JSON.parse(line) as Line);
  });
  afterAll(async () => {
    restore?.();
    await server?.close();
    await database?.drop();
  });

  it("writes one JSON line per request, with its method, route template, status, duration and user", () => {
    expect(lines.filter((line) => line.msg === "request")).toEqual([
      expect.objectContaining({ method: "POST", route: "/api/v1/flows/[id]/run", status: 200, durationMs: expect.any(Number), userId, level: 30 }),
    ]);
  });

  it("writes the run's lifecycle with its runId and flowId, and the model call with latency and outcome", () => {
    expect(lines).toContainEqual(expect.objectContaining({ msg: "run started", runId, flowId, userId, source: "api" }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: "run finished", runId, flowId, status: "succeeded", durationMs: expect.any(Number) }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: "provider call", provider: "openai", outcome: "ok", totalMs: expect.any(Number), firstTokenMs: expect.any(Number) }));
  });

  it("never writes a secret, the prompt or the answer", () => {
    const all = raw.join("");
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${STORED_SECRET}`]);
    for (const text of [STORED_SECRET, apiKey, PROMPT, ANSWER]) expect(all).not.toContain(text);
  });

  it("redacts fields named for secrets, whatever logs them", () => {
    const captured: string[] = [];
    const logger = createLogger({ level: "info", destination: { write: (line: string) => void captured.push(line) } });
    logger.info({ apiKey: STORED_SECRET, headers: { authorization: `Bearer ${apiKey}` }, credential: { secret: STORED_SECRET } }, "careless");
    expect(captured.join("")).not.toContain(STORED_SECRET);
    expect(captured.join("")).not.toContain(apiKey);
  });
});
