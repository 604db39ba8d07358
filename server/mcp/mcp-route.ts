// /api/mcp: MCP over Streamable HTTP in stateless mode (no session id; every POST carries its own JSON-RPC
// messages and gets its own server and transport). The API key check, body cap and error statuses are the
// /api/v1 ones (apiRoute); errors before MCP takes over answer as JSON-RPC error objects so MCP clients can
// read them. A stateless server has no stream to offer on GET and no session to end on DELETE: 405 for both.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { AppError } from "@/lib/errors";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/server/http/body-limit";
import { apiRoute, type ApiContext, type Spending } from "@/server/http/api-route";
import { createFlowToolsServer } from "./flow-tools-server.ts";

/** JSON-RPC 2.0's error object for a request whose id is unknown: -32000 is the "server error" range. */
export const jsonRpcErrorBody = (error: AppError) => ({ jsonrpc: "2.0", error: { code: -32000, message: error.userMessage, data: { code: error.code } }, id: null });

const methodNotAllowed = () =>
  Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message: "This MCP server is stateless: send JSON-RPC messages with POST (no SSE stream on GET, no session to DELETE)." }, id: null },
    { status: 405, headers: { allow: "POST" } },
  );

async function handleMcp({ request, services, runs, caller }: ApiContext): Promise<Response> {
  if (request.method !== "POST") return methodNotAllowed();
  const server = createFlowToolsServer({ caller, flowTools: services.flowTools, runs });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, maxRequestBodySize: DEFAULT_BODY_LIMIT_BYTES });
  await server.connect(transport);
  return transport.handleRequest(request);
}

/** Each tool call in a POST runs a flow and spends one run start (a JSON-RPC batch may hold many); anything else is one read. */
async function budgetOfMcpRequest(request: Request): Promise<Spending> {
  if (request.method !== "POST") return { budget: "read", points: 1 };
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => null);
  const messages = Array.isArray(body) ? body : [body];
  const toolCalls = messages.filter((message) => (message as { method?: unknown } | null)?.method === "tools/call").length;
  return toolCalls > 0 ? { budget: "run", points: toolCalls } : { budget: "read", points: 1 };
}

/** The route handler for every method of /api/mcp: any key that may run flows (scope `run` or `full`). */
export const mcpRoute = apiRoute<Record<string, never>>(handleMcp, { errorBody: jsonRpcErrorBody, needs: "run", budget: budgetOfMcpRequest });
