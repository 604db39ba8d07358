// The canvas's compile call over real HTTP (tRPC's fetch adapter, as the app serves it): prompts with
// escapes and JSON, free-text agent names, a broken node's errors, and graph format versions.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "@/lib/flow/diagnostics";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { startRouteServer } from "@/testing/route-server";

let app: Awaited<ReturnType<typeof startRouteServer>>;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "osmen-compile-")), "compile.db")}`;
  const trpcRoute = await import("@/app/api/trpc/[trpc]/route");
  app = await startRouteServer([{ method: "POST", path: /^\/api\/trpc\/flow\.compile$/, handler: trpcRoute.POST }]);
});
afterAll(() => app?.close());

type Report = { status: number; diagnostics?: Diagnostic[]; hasPlan?: boolean; error?: string };

async function compileOverHttp(graph: unknown): Promise<Report> {
  // Queries arrive as POST with a superjson body, as components/trpc-provider.tsx sends them.
  const response = await fetch(`${app.url}/api/trpc/flow.compile`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-trpc-method-override": "query" },
    body: JSON.stringify({ json: { graph } }),
  });
  const body = await response.json();
  if (!response.ok) return { status: response.status, error: JSON.stringify(body.error) };
  const report = body.result.data.json as { plan: unknown; diagnostics: Diagnostic[] };
  return { status: response.status, diagnostics: report.diagnostics, hasPlan: report.plan !== null };
}

const errors = (report: Report) => report.diagnostics!.filter((diagnostic) => diagnostic.severity === "error");

describe("compiling over HTTP", () => {
  it("takes a prompt with an escaped placeholder and JSON, making inputs of the real placeholders only", async () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("p", "prompt", { template: 'Answer as {"name": "\\{{name}}"} about {{topic}}' })
      .node("out", "output")
      .edge("in.text", "p.topic")
      .edge("p.text", "out.value")
      .build();
    expect(await compileOverHttp(graph)).toMatchObject({ status: 200, diagnostics: [], hasPlan: true });
  });

  it("takes an agent called \"Research agent\"", async () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("a", "agent", { name: "Research agent" })
      .node("out", "output")
      .edge("in.text", "a.input")
      .edge("a.text", "out.value")
      .build();
    const report = await compileOverHttp(graph);
    expect(errors(report)).toEqual([]);
    expect(report.hasPlan).toBe(true);
  });

  it("reports an invalid agent setting once, on the agent, and nothing about its connected neighbours", async () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("a", "agent", { maxSteps: 500 })
      .node("out", "output")
      .edge("in.text", "a.input")
      .edge("a.text", "out.value")
      .build();
    const report = await compileOverHttp(graph);
    expect(errors(report)).toEqual([expect.objectContaining({ code: "invalid_config", nodeId: "a", field: "maxSteps" })]);
    expect(report.hasPlan).toBe(false);
  });

  it("refuses a graph of a newer format, naming the versions", async () => {
    const graph = { ...createGraphBuilder().node("in", "input").node("out", "output").edge("in.text", "out.value").build(), version: 2 };
    const report = await compileOverHttp(graph);
    expect(report.hasPlan).toBe(false);
    expect(errors(report)).toEqual([expect.objectContaining({ code: "invalid_graph", message: expect.stringMatching(/graph format 2\); this server reads format 1/) })]);
  });
});
