// HTTP as a tool. The request itself goes through the run's SSRF-safe client (lib/tools/http-client),
// reached via the run services so this file stays browser-safe.
import { z } from "zod";
import type { ToolInvokeContext } from "../handles";
import { defineToolNodeKind, stringArg } from "../tool-node";
import { toolNameField, toToolName } from "../tool-name";

const configSchema = z.object({
  method: z.enum(["GET", "POST"]).default("GET").meta({ title: "Method" }),
  url: z.string().max(2000).default("").meta({ title: "URL", description: "Used when the agent gives none, and by the Result output." }),
  headers: z.record(z.string(), z.string()).default({}).meta({ title: "Headers", widget: "key-value" }),
  body: z.string().max(1_000_000).default("").meta({ title: "Body", description: "Sent with POST.", widget: "textarea" }),
  timeoutMs: z.number().int().min(100).max(60_000).default(15_000).meta({ title: "Timeout (ms)" }),
  maxBytes: z.number().int().min(1).max(5_000_000).default(1_000_000).meta({ title: "Max response bytes" }),
  toolName: toolNameField("http_request"),
  toolDescription: z
    .string()
    .max(1000)
    .default("Fetch a public web page or API over HTTP(S) and return its status and body.")
    .meta({ title: "Tool description", widget: "textarea" }),
});

type HttpConfig = z.output<typeof configSchema>;

async function invokeHttp(args: Record<string, unknown>, config: HttpConfig, context: ToolInvokeContext) {
  const url = stringArg(args, "url", config.url);
  if (!url) throw new Error("no URL given: configure one on the node or pass `url`");
  const method = stringArg(args, "method", config.method).toUpperCase() === "POST" ? "POST" : "GET";
  const result = await context.services.httpRequest(
    {
      method,
      url,
      headers: config.headers,
      body: method === "POST" ? stringArg(args, "body", config.body) : undefined,
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBytes,
    },
    { signal: context.signal },
  );
  return { ...result, json: parseJson(result.body, result.headers["content-type"]) };
}

function parseJson(body: string, contentType: string | undefined): unknown {
  if (!contentType?.includes("json")) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const httpToolKind = defineToolNodeKind({
  type: "tool.http",
  title: "HTTP request",
  description: "GET or POST a URL on the public internet (private and internal addresses are refused).",
  configSchema,
  toolName: (config) => toToolName(config.toolName),
  toolDescription: (config) => config.toolDescription,
  parameters: () => ({
    type: "object",
    properties: {
      url: { type: "string", description: "An http(s) URL" },
      method: { type: "string", enum: ["GET", "POST"] },
      body: { type: "string", description: "Request body for POST" },
    },
    required: ["url"],
  }),
  configuredArgs: (config) => ({ url: config.url, method: config.method, body: config.body }),
  invoke: invokeHttp,
  summarize: (config) => `${config.method} ${config.url || "(URL from the agent)"}`,
});
