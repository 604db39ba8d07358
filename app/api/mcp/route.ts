import { mcpRoute } from "@/server/mcp/mcp-route";

export const dynamic = "force-dynamic";

export const POST = mcpRoute;
export const GET = mcpRoute;
export const DELETE = mcpRoute;
