// The MCP server behind /api/mcp, made per request for one caller (the API key's user): `tools/list` offers
// their exposed flows, `tools/call` runs one as a normal run (source `mcp`, stored and in the flow's history)
// and answers with its output as text. The low-level `Server` class is used, not `McpServer`, because each
// tool's input schema is JSON Schema read from a stored flow, not a zod schema known at build time.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { RunEvent } from "@/lib/engine/events";
import { isAppError } from "@/lib/errors";
import { flowToolInputSchema } from "@/lib/flow/flow-tool";
import type { Caller } from "@/server/auth/caller";
import { INTERNAL_ERROR_MESSAGE } from "@/server/errors";
import type { RunService } from "@/server/runs/run-service";
import type { FlowToolService, ExposedFlowTool } from "@/server/services/flow-tool-service";
import { APP_VERSION } from "@/server/version";

export type FlowToolsServerDependencies = { caller: Caller; flowTools: Pick<FlowToolService, "listExposed" | "findExposed">; runs: RunService };

/** What `tools/call` reports back while a run goes on: one notification per completed node. */
type Progress = (completedNodes: number, message: string) => Promise<void>;

const toTool = (tool: ExposedFlowTool): Tool => ({
  name: tool.toolName,
  description: tool.description,
  inputSchema: flowToolInputSchema(tool.graph),
});

/**
 * JSON-RPC's invalid-params error (-32602), as MCP answers an unknown tool. Not an McpError: its message already
 * carries "MCP error -32602:", which the client's own McpError would then repeat.
 */
const unknownTool = (name: string) =>
  Object.assign(new Error(`Unknown tool: ${name}. Call tools/list for the tools this API key may use.`), { code: ErrorCode.InvalidParams });

/**
 * JSON-RPC's internal error (-32603) with a generic message: an unexpected failure's own text (a database's,
 * with its query) goes to the server log only.
 */
function internalError(error: unknown): Error {
  console.error("[mcp]", error);
  return Object.assign(new Error(INTERNAL_ERROR_MESSAGE), { code: ErrorCode.InternalError });
}

/** `work`'s result; any failure becomes internalError. For service calls, whose only failures are unexpected. */
async function orInternalError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw internalError(error);
  }
}

const textResult = (text: string, isError = false): CallToolResult => ({ content: [{ type: "text", text }], ...(isError && { isError }) });
const outputText = (output: unknown) => (typeof output === "string" ? output : JSON.stringify(output ?? ""));

/** The run's input text from the call's arguments; a wrong or missing one is the model's to fix, so it is a tool error. */
function inputOf(tool: ExposedFlowTool, args: Record<string, unknown> | undefined): string | CallToolResult {
  const input = args?.input;
  if (input === undefined) {
    const isRequired = flowToolInputSchema(tool.graph).required?.includes("input") ?? false;
    return isRequired ? textResult(`"input" is required: the text this flow starts from, e.g. { "input": "Hello" }.`, true) : "";
  }
  if (typeof input !== "string") return textResult(`"input" must be a string (the flow's input text); got ${typeof input}.`, true);
  return input;
}

async function runFlow({ caller, runs }: FlowToolsServerDependencies, tool: ExposedFlowTool, input: string, progress: Progress | null, signal: AbortSignal) {
  const { runId } = await runs.start(caller, { flowId: tool.flowId, input, source: "mcp" });
  let completed = 0;
  let final: RunEvent | undefined;
  for await (const event of runs.events(caller, runId, 0, signal)) {
    if (event.type === "node.completed" && progress) await progress(++completed, nodeMessage(tool, event.nodeId));
    if (event.type === "run.completed" || event.type === "run.failed" || event.type === "run.cancelled") final = event;
  }
  // The outcome comes from the run's final event: the stream ends on it, before the run's row is finished.
  if (final?.type === "run.completed") return textResult(outputText(final.output));
  if (final?.type === "run.failed") return textResult(final.message, true);
  return textResult(final ? "The flow run was cancelled." : "The flow run ended without an outcome (the request was cancelled).", true);
}

const nodeMessage = (tool: ExposedFlowTool, nodeId: string) => {
  const node = tool.graph.nodes.find((each) => each.id === nodeId);
  return `${node ? `${node.type} node` : "node"} "${nodeId}" completed`;
};

/** A new MCP server answering as `caller`; connect it to one stateless transport per request. */
export function createFlowToolsServer(dependencies: FlowToolsServerDependencies): Server {
  const { caller, flowTools } = dependencies;
  const server = new Server(
    { name: "osmen-studio", title: "OsMEN Studio flows", version: APP_VERSION },
    { capabilities: { tools: { listChanged: false } }, instructions: "Each tool runs one of your OsMEN Studio flows and answers with its output." },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: (await orInternalError(() => flowTools.listExposed(caller))).map(toTool) }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = await orInternalError(() => flowTools.findExposed(caller, request.params.name));
    // Another user's tool name reads exactly like one that does not exist.
    if (!tool) throw unknownTool(request.params.name);
    const input = inputOf(tool, request.params.arguments);
    if (typeof input !== "string") return input;
    const token = request.params._meta?.progressToken;
    const progress: Progress | null =
      token === undefined
        ? null
        : (completed, message) => extra.sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: completed, message } });
    try {
      return await runFlow(dependencies, tool, input, progress, extra.signal);
    } catch (error) {
      // A run refused before it starts (the flow has problems, the queue is full) is the tool's failure to report.
      if (isAppError(error)) return textResult(error.userMessage, true);
      throw internalError(error);
    }
  });

  return server;
}
