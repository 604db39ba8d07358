// Secrets are write-only: after storing credentials and running flows that use them (one call succeeds, one
// is refused by the provider), no procedure's answer and no stored run or event contains a secret value.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createProviderResolver } from "@/lib/engine";
import { createVault } from "@/lib/secrets";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createServices } from "@/server/services";
import { createRunService } from "@/server/runs/run-service";
import { testDatabases } from "@/testing/databases";
import { localTestCaller } from "@/testing/trpc-caller";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { modelNodeGraph } from "@/testing/flow-graphs";
import { fromRunEventRow } from "@/server/runs/run-event-rows";

const OPENAI_KEY = "sk-proj-SECRET-openai-5f1e9a77c2d4";
const ANTHROPIC_KEY = "sk-ant-SECRET-anthropic-0b3c8d2e";
const GOOGLE_CLIENT_SECRET = "GOCSPX-SECRET-google-client-44aa";

function graphUsing(credentialId: string, baseUrl: string): FlowGraph {
  return modelNodeGraph("provider.openai", { model: "gpt-4o-mini", baseUrl, credentialId, retryAttempts: 0 });
}

describe("secrets never leave the server", () => {
  let openai: ScriptedServer;
  let database: Awaited<ReturnType<ReturnType<typeof testDatabases>[number]["create"]>>;
  beforeAll(async () => {
    openai = await startOpenAIServer({ apiKey: OPENAI_KEY });
    database = await testDatabases()[0]!.create();
  });
  afterAll(async () => {
    await openai?.close();
    await database?.drop();
  });

  it("are absent from every answer and every stored run and event", async () => {
    const vault = createVault(randomBytes(32));
    const services = createServices(database, () => vault);
    const runs = createRunService({ db: database, flows: services.flows }, {
      maxConcurrentRuns: 2,
      runTimeoutMs: 20_000,
      providers: (userId) =>
        createProviderResolver({ resolveCredential: (id) => services.credentials.resolveForRun({ userId }, id), env: { OSMEN_HTTP_ALLOWLIST: "127.0.0.1" } }),
    });
    const caller = createCaller(await createContext({ headers: new Headers(), caller: localTestCaller, app: { db: database, runs, services } }));
    const answers: unknown[] = [];
    const keep = <T>(value: T) => (answers.push(value), value);

    const good = keep(await caller.credential.create({ name: "OpenAI", kind: "openai", secret: OPENAI_KEY, baseUrl: openai.url }));
    const bad = keep(await caller.credential.create({ name: "Wrong", kind: "openai", secret: ANTHROPIC_KEY, baseUrl: openai.url }));
    keep(await caller.google.saveClient({ clientId: "client-id-1234567890.apps.googleusercontent.com", clientSecret: GOOGLE_CLIENT_SECRET }));
    const flow = keep(await caller.flow.create({ name: "Keyed", graph: graphUsing(good.id, openai.url) }));
    const refused = keep(await caller.flow.create({ name: "Refused", graph: graphUsing(bad.id, openai.url) }));

    const ok = keep(await caller.run.start({ flowId: flow.id, input: "hello" }));
    const ko = keep(await caller.run.start({ flowId: refused.id, input: "hello" }));
    await runs.waitFor(localTestCaller, ok.runId);
    await runs.waitFor(localTestCaller, ko.runId);
    expect(openai.requests.some((request) => request.headers.authorization === `Bearer ${OPENAI_KEY}`)).toBe(true);

    keep(await caller.run.get({ runId: ok.runId }));
    const failed = keep(await caller.run.get({ runId: ko.runId }));
    expect(failed.status).toBe("failed");
    keep(await caller.run.list({ flowId: flow.id }));
    keep(await caller.credential.list());
    keep(await caller.google.status());
    keep(await caller.flow.get({ id: flow.id }));
    keep(await caller.flow.list());
    keep(await caller.flow.export({ id: flow.id }));
    const link = keep(await caller.share.create({ flowId: flow.id }));
    keep(await caller.share.view({ token: link.token }));
    for await (const event of await caller.run.events({ runId: ko.runId, afterSeq: 0 })) keep(event);

    // Event rows decoded too: a grouped row's payload may be stored deflated, where a raw scan would not see a leak.
    const eventRows = await database.prisma.runEvent.findMany();
    const stored = [await database.prisma.run.findMany(), eventRows, eventRows.flatMap(fromRunEventRow), await database.prisma.flow.findMany(), await database.prisma.credential.findMany()];
    const everything = JSON.stringify([answers, stored]);
    for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, GOOGLE_CLIENT_SECRET]) expect(everything).not.toContain(secret);
    expect(everything).toContain("c2d4");
  });
});
