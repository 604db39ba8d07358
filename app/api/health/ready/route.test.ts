// The probes as Kubernetes calls them, through their route handlers on a real database; each answer is
// counted in osmen_http_requests_total under its route template.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createVault } from "@/lib/secrets";
import { createApp, type App } from "@/server/app";
import { useAppSingletons } from "@/testing/app-globals";
import { testDatabases } from "@/testing/databases";
import { GET as live } from "../live/route.ts";
import { GET as ready } from "./route.ts";

const noParams = { params: Promise.resolve({}) };

describe.each(testDatabases())("the health probes on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let app: App;
  let restore: () => void;
  beforeAll(async () => {
    database = await create();
    const vault = createVault(randomBytes(32));
    app = createApp({ db: database, vault: () => vault, logger: pino({ level: "silent" }) });
    restore = useAppSingletons({ db: database, vault, app }).restore;
  });
  afterAll(async () => {
    restore?.();
    await database?.drop();
  });

  it("live answers 200 without touching anything", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", version: expect.any(String) });
  });

  it("ready answers 200 with every part ok, and is counted under its route", async () => {
    const response = await ready(new Request("http://127.0.0.1/api/health/ready"), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      checks: { database: { status: "ok" }, migrations: { status: "ok" }, vault: { status: "ok" } },
      version: expect.any(String),
    });
    expect(await app.metrics.registry.metrics()).toContain('osmen_http_requests_total{route="/api/health/ready",status="200"} 1');
  });

  it("ready answers 503 naming the failing part", async () => {
    await database.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations"`);
    const response = await ready(new Request("http://127.0.0.1/api/health/ready"), noParams);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", checks: { database: { status: "ok" }, migrations: { status: "error", message: expect.stringContaining("not applied") } } });
    expect(await app.metrics.registry.metrics()).toContain('osmen_http_requests_total{route="/api/health/ready",status="503"} 1');
  });
});
