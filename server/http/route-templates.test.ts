import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isHostCheckExempt } from "./host-check-exempt.ts";
import { apiRouteTemplates, routeTemplateOf } from "./route-templates.ts";

/** Every app/api folder holding a route.ts, as a URL template. */
function routeFolders(folder = path.join(process.cwd(), "app", "api"), prefix = "/api"): string[] {
  const entries = readdirSync(folder, { withFileTypes: true });
  const own = entries.some((entry) => entry.isFile() && entry.name === "route.ts") ? [prefix] : [];
  return [...own, ...entries.filter((entry) => entry.isDirectory()).flatMap((entry) => routeFolders(path.join(folder, entry.name), `${prefix}/${entry.name}`))];
}

describe("route templates", () => {
  it("list every route under app/api, and nothing else", () => {
    expect([...apiRouteTemplates].sort()).toEqual(routeFolders().sort());
  });

  it("map raw paths to their template, so ids never become label values", () => {
    expect(routeTemplateOf("/api/v1/runs/cm1abc")).toBe("/api/v1/runs/[id]");
    expect(routeTemplateOf("/api/v1/runs/cm1abc/events")).toBe("/api/v1/runs/[id]/events");
    expect(routeTemplateOf("/api/v1/flows/f1/run")).toBe("/api/v1/flows/[id]/run");
    expect(routeTemplateOf("/api/trpc/flow.get,run.list")).toBe("/api/trpc/[trpc]");
    expect(routeTemplateOf("/api/auth/sign-in/email")).toBe("/api/auth/[...all]");
    expect(routeTemplateOf("/api/health/ready")).toBe("/api/health/ready");
    // An /api/v1 path no route of its own answers falls to the JSON 404 route, one series for all of them.
    expect(routeTemplateOf("/api/v1/runs/a/b/c")).toBe("/api/v1/[...path]");
    expect(routeTemplateOf("/api/v1/runs/abc")).toBe("/api/v1/runs/[id]");
    expect(routeTemplateOf("/flows/abc")).toBe("other");
  });
});

describe("paths answered whatever the Host header says", () => {
  it("are the probes always, and the metrics only when a token guards them", () => {
    for (const probe of ["/api/health", "/api/health/live", "/api/health/ready", "/api/health/ready/"]) expect(isHostCheckExempt(probe, false)).toBe(true);
    expect(isHostCheckExempt("/api/metrics", true)).toBe(true);
    expect(isHostCheckExempt("/api/metrics", false)).toBe(false);
    expect(isHostCheckExempt("/api/trpc/flow.get", true)).toBe(false);
    expect(isHostCheckExempt("/api/health/other", true)).toBe(false);
  });
});
