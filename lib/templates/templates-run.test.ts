// Every gallery template runs to success as it opens: compiled, then executed through the real provider layer
// and official SDKs against the local Ollama and OpenAI wire-protocol servers, with its HTTP tool reaching a
// local web server. The scripted models call each tool they are offered once, then answer (in JSON when the
// request asks for JSON), so every tool, delegation and review step of each template is exercised.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProviderResolver, execute } from "@/lib/engine";
import { compile } from "@/lib/flow/compile";
import { ProviderRouter } from "@/lib/llm";
import { recordEvents } from "@/testing/engine-harness";
import { startOllamaServer } from "@/testing/servers/ollama";
import { startOpenAIServer } from "@/testing/servers/openai";
import type { RecordedRequest, ScriptedResponse, ScriptedServer } from "@/testing/servers/scripted-server";
import { getTemplate, listTemplates } from "./index";

type WireMessage = { role: string; tool_calls?: Array<{ function: { name: string } }> };
type WireTool = { function: { name: string; parameters?: { properties?: Record<string, unknown> } } };
type WireBody = { messages: WireMessage[]; tools?: WireTool[]; format?: unknown; response_format?: { type: string } };

let ollama: ScriptedServer;
let openai: ScriptedServer;
let web: Server;
let webBase = "";
const pageRequests: string[] = [];
const previousAllowlist = process.env.OSMEN_HTTP_ALLOWLIST;

/** Arguments that fit the tool's parameters, whatever the template named it. */
function toolArguments(tool: WireTool): Record<string, unknown> {
  const parameters = tool.function.parameters?.properties ?? {};
  if ("url" in parameters) return { url: `${webBase}/article` };
  if ("expression" in parameters) return { expression: "1250 * 0.19" };
  if ("operation" in parameters) return { operation: "now" };
  if ("task" in parameters) return { task: "Work on your part of the request." }; // a specialist agent offered as a tool
  return {};
}

/** A model that calls each tool it is offered once (approving rather than asking for changes), then answers. */
function scriptedModel(serverName: string) {
  return (request: RecordedRequest): ScriptedResponse => {
    const body = request.body as WireBody;
    const called = new Set(body.messages.flatMap((message) => message.tool_calls ?? []).map((call) => call.function.name));
    const next = (body.tools ?? []).find((tool) => tool.function.name !== "request_changes" && !called.has(tool.function.name));
    if (next) return { toolCalls: [{ name: next.function.name, arguments: toolArguments(next) }] };
    const wantsJson = body.format === "json" || body.response_format?.type === "json_object";
    return { text: wantsJson ? JSON.stringify({ answeredBy: serverName, category: "billing" }) : `Answer from ${serverName}.` };
  };
}

beforeAll(async () => {
  ollama = await startOllamaServer({ defaultResponse: { text: "unused" } });
  ollama.setDefault(scriptedModel("ollama"));
  openai = await startOpenAIServer({ apiKey: "sk-templates-test" });
  openai.setDefault(scriptedModel("openai"));
  web = createServer((request, response) => {
    pageRequests.push(request.url ?? "");
    response.writeHead(200, { "content-type": "text/html" }).end("<html><body><h1>Flow-based programming</h1><p>Programs as networks of black boxes.</p></body></html>");
  });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  webBase = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  process.env.OSMEN_HTTP_ALLOWLIST = "127.0.0.1"; // the HTTP tool's address guard reads the process environment
});

afterAll(async () => {
  process.env.OSMEN_HTTP_ALLOWLIST = previousAllowlist;
  await ollama?.close();
  await openai?.close();
  await new Promise((resolve) => web?.close(resolve));
});

async function runTemplate(id: string) {
  const { plan, diagnostics } = compile(getTemplate(id)!.graph);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  const env = { OLLAMA_HOST: ollama.url, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: "sk-templates-test" };
  const router = new ProviderRouter({ env });
  const providers = createProviderResolver({ env, createProvider: (name, overrides) => router.getProvider(name, { ...overrides, retryAttempts: 0 }) });
  const recorder = recordEvents();
  const result = await execute(plan!, { providers, onEvent: recorder.onEvent });
  return { result, recorder };
}

const isJsonRequest = (request: RecordedRequest) => (request.body as WireBody | undefined)?.format === "json" || (request.body as WireBody | undefined)?.response_format?.type === "json_object";

describe("every template runs to success against the test servers", () => {
  it.each(listTemplates().map((template) => template.id))("%s", async (id) => {
    const { result, recorder } = await runTemplate(id);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("completed");
    expect(recorder.of("node.failed")).toEqual([]);
    expect(recorder.of("node.tool_result").filter((event) => "isError" in event && event.isError)).toEqual([]);
    for (const value of Object.values(result.outputs)) expect(typeof value === "string" ? value.trim() : value).toBeTruthy();
  });
});

describe("what the new templates do on the way", () => {
  it("the tool assistant calls the calculator, the clock and the web page before it answers", async () => {
    pageRequests.length = 0;
    const { result, recorder } = await runTemplate("tool-assistant");
    const toolNames = recorder.of("node.tool_call", "assistant").map((event) => ("name" in event ? event.name : ""));
    expect(toolNames).toEqual(["calculator", "datetime", "http_request"]);
    expect(JSON.stringify(recorder.of("node.tool_result", "assistant")[0])).toContain("237.5");
    expect(pageRequests).toEqual(["/article"]);
    expect(result.output).toBe("Answer from ollama.");
  });

  it("the extractor and the ticket triage ask for JSON, and their JSON outputs parse", async () => {
    ollama.reset();
    const extracted = await runTemplate("contact-extractor");
    expect(JSON.parse(extracted.result.output as string)).toMatchObject({ answeredBy: "ollama" });
    expect(ollama.requests.filter((request) => request.path === "/api/chat").map(isJsonRequest)).toEqual([true]);

    const triage = await runTemplate("support-ticket-triage");
    expect(JSON.parse((triage.result.outputs as Record<string, string>).routing!)).toMatchObject({ category: "billing" });
    expect((triage.result.outputs as Record<string, string>).reply).toBe("Answer from ollama.");
  });

  it("the comparison asks the local and the cloud model and shows both answers", async () => {
    openai.reset();
    const { result } = await runTemplate("local-vs-cloud");
    expect(result.output).toBe("## Local model (Ollama)\nAnswer from ollama.\n\n## Cloud model (OpenAI)\nAnswer from openai.");
    expect(openai.requests.filter((request) => request.path === "/v1/chat/completions")).toHaveLength(1);
  });
});
