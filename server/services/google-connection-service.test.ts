// Connect Google end to end against a local server speaking Google's OAuth2 token endpoint and Calendar v3:
// the consent URL, the code exchange storing the grant in the vault, and a run reading the calendar with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { randomBytes } from "node:crypto";
import { createVault } from "@/lib/secrets";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";
import { createCredentialService } from "./credential-service";
import { createGoogleConnectionService } from "./google-connection-service";
import { createFlowService } from "./flow-service";
import { createRunService } from "@/server/runs/run-service";
import { fromRunEventRow } from "@/server/runs/run-event-rows";

const client = { GOOGLE_CLIENT_ID: "osmen-test-client.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "test-client-secret-123" };
const today = new Date().toISOString().slice(0, 10);

const calendarGraph: FlowGraph = {
  version: 1,
  nodes: [
    { id: "calendar", type: "tool.google_calendar", position: { x: 0, y: 0 }, data: { config: { date: today, timeZone: "UTC" } } },
    { id: "output", type: "output", position: { x: 200, y: 0 }, data: {} },
  ],
  edges: [{ id: "e", source: "calendar", sourceHandle: "data", target: "output", targetHandle: "value" }],
};

describe("Google connection", () => {
  let google: GoogleServer;
  let database: Awaited<ReturnType<ReturnType<typeof testDatabases>[number]["create"]>>;
  let connection: ReturnType<typeof createGoogleConnectionService>;

  beforeAll(async () => {
    google = await startGoogleServer({ clientId: client.GOOGLE_CLIENT_ID, clientSecret: client.GOOGLE_CLIENT_SECRET });
    database = await testDatabases()[0]!.create();
    const vault = createVault(randomBytes(32));
    const credentials = createCredentialService(database, () => vault);
    connection = createGoogleConnectionService(credentials, client, { tokenUrl: google.tokenUrl, revokeUrl: google.revokeUrl, rootUrl: google.url });
  });
  afterAll(async () => {
    await google?.close();
    await database?.drop();
  });

  it("sends people to a consent screen asking read-only scopes, with the state", async () => {
    const url = new URL(await connection.consentUrl(me, "http://localhost:3000/api/oauth/google/callback", "state-abc"));
    expect(url.searchParams.get("state")).toBe("state-abc");
    expect(url.searchParams.get("scope")).toContain("calendar.readonly");
    expect(url.searchParams.get("scope")).toContain("gmail.readonly");
    expect(url.searchParams.get("access_type")).toBe("offline");
  });

  it("stores the grant encrypted, and a run reads the calendar with it", async () => {
    expect(await connection.status(me)).toMatchObject({ isClientConfigured: true, isConnected: false });
    google.addAuthorizationCode("code-123", "1//refresh-token-xyz");
    google.setEvents("primary", [{ summary: "Stand-up", start: `${today}T09:00:00Z`, end: `${today}T09:15:00Z`, attendees: 4 }]);
    await connection.completeConnection(me, "http://localhost:3000/api/oauth/google/callback", "code-123");
    expect(await connection.status(me)).toMatchObject({ isConnected: true });
    const rows = await database.prisma.credential.findMany({ where: { kind: "google" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.secret).not.toContain("refresh-token-xyz");

    const flow = await createFlowService(database).create(me, { name: "Calendar", graph: calendarGraph });
    const runs = createRunService(
      { db: database, flows: createFlowService(database) },
      { maxConcurrentRuns: 1, runTimeoutMs: 10_000, integrations: (userId) => ({ google: connection.servicesForRun({ userId }) }) },
    );
    const run = await runs.waitFor(me, (await runs.start(me, { flowId: flow.id, input: "" })).runId);
    expect(run.status).toBe("succeeded");
    expect(JSON.stringify(run.output)).toContain("Stand-up");
    // Decoded too: a grouped row's payload may be stored deflated, where a raw scan would not see a leak.
    const eventRows = await database.prisma.runEvent.findMany();
    expect(JSON.stringify([eventRows, eventRows.flatMap(fromRunEventRow)])).not.toContain("refresh-token-xyz");
  });

  it("a revoked grant fails the node with the reconnect message", async () => {
    google.revokeRefreshToken("1//refresh-token-xyz");
    google.expireAccessTokens();
    const flow = await createFlowService(database).create(me, { name: "Revoked", graph: calendarGraph });
    const runs = createRunService(
      { db: database, flows: createFlowService(database) },
      { maxConcurrentRuns: 1, runTimeoutMs: 10_000, integrations: (userId) => ({ google: connection.servicesForRun({ userId }) }) },
    );
    const run = await runs.waitFor(me, (await runs.start(me, { flowId: flow.id, input: "" })).runId);
    expect(run.status).toBe("failed");
    expect(run.nodes.calendar?.error?.message).toMatch(/reconnect Google in Settings/);
    expect(run.nodes.calendar?.error?.message).not.toMatch(/\n\s+at /);
  });
});
