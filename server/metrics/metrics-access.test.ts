import { describe, expect, it } from "vitest";
import { Registry } from "prom-client";
import { checkMetricsAccess } from "./metrics-access.ts";
import { metricsResponse } from "./metrics-endpoint.ts";

const TOKEN = "metrics-token-0123456789abcdef";

describe("who may read /api/metrics", () => {
  it("serves local mode without a token", () => {
    expect(checkMetricsAccess({ token: undefined, mode: "local", authorization: null })).toEqual({ isAllowed: true });
  });

  it("does not serve accounts mode without a token, and says to set one", () => {
    expect(checkMetricsAccess({ token: undefined, mode: "accounts", authorization: `Bearer ${TOKEN}` })).toEqual({
      isAllowed: false,
      status: 404,
      message: expect.stringContaining("OSMEN_METRICS_TOKEN"),
    });
  });

  it.each(["local", "accounts"] as const)("with a token in %s mode, lets in only a request bearing it", (mode) => {
    expect(checkMetricsAccess({ token: TOKEN, mode, authorization: `Bearer ${TOKEN}` })).toEqual({ isAllowed: true });
    expect(checkMetricsAccess({ token: TOKEN, mode, authorization: `bearer ${TOKEN}` })).toEqual({ isAllowed: true });
    for (const authorization of [null, "", TOKEN, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`]) {
      expect(checkMetricsAccess({ token: TOKEN, mode, authorization })).toMatchObject({ isAllowed: false, status: 401 });
    }
  });
});

describe("the metrics response", () => {
  const registry = new Registry();

  it("answers the Prometheus text format to an allowed request", async () => {
    const response = await metricsResponse(registry, { token: TOKEN, mode: "accounts", authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
  });

  it("refuses with 401, a Bearer challenge and what to send", async () => {
    const response = await metricsResponse(registry, { token: TOKEN, mode: "local", authorization: null });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.stringContaining("Authorization: Bearer") } });
  });

  it("answers 404 in accounts mode without a token", async () => {
    const response = await metricsResponse(registry, { token: undefined, mode: "accounts", authorization: null });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("OSMEN_METRICS_TOKEN") } });
  });
});
