// tool.http through the engine with the real SSRF-safe client (no injected http), against a local server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { execute } from "./execute";
import { planOf, recordEvents } from "@/testing/engine-harness";

let server: Server;
let base = "";
const previousAllowlist = process.env.OSMEN_HTTP_ALLOWLIST;

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end('{"weather":"sunny"}'));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.OSMEN_HTTP_ALLOWLIST = "127.0.0.1";
});

afterAll(async () => {
  process.env.OSMEN_HTTP_ALLOWLIST = previousAllowlist;
  await new Promise((resolve) => server.close(resolve));
});

describe("tool.http in a run", () => {
  it("fetches once through its data face, parsing JSON", async () => {
    const builder = createGraphBuilder().node("web", "tool.http", { url: `${base}/weather` }).node("out", "output").edge("web.data", "out.value");
    const result = await execute(planOf(builder), { providers: createScriptedProvider() });
    expect(result.output).toMatchObject({ status: 200, json: { weather: "sunny" }, truncated: false });
  });

  it("reports a refused address to the model as a tool error", async () => {
    const provider = createScriptedProvider({
      replies: [{ toolCalls: [{ name: "http_request", args: { url: "http://169.254.169.254/latest/meta-data/" } }] }, "I cannot reach that."],
    });
    const builder = createGraphBuilder()
      .node("in", "input")
      .node("model", "provider.ollama")
      .node("web", "tool.http")
      .node("agent", "agent")
      .node("out", "output")
      .edge("model.model", "agent.model")
      .edge("web.tool", "agent.tools")
      .edge("in.text", "agent.input")
      .edge("agent.text", "out.value");
    const recorder = recordEvents();
    const result = await execute(planOf(builder), { input: "get metadata", providers: provider, onEvent: recorder.onEvent });
    expect(result.output).toBe("I cannot reach that.");
    expect(recorder.of("node.tool_result", "agent")[0]).toMatchObject({ isError: true, result: expect.stringContaining("cloud metadata") });
  });
});
