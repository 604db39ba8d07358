// The MCP server's answer to an unexpected failure (a database's error while listing or finding a tool):
// JSON-RPC's internal error with a generic message, never the failure's own text.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INTERNAL_ERROR_MESSAGE } from "@/server/errors";
import type { RunService } from "@/server/runs/run-service";
import { localTestCaller } from "@/testing/trpc-caller";
import { createFlowToolsServer } from "./flow-tools-server.ts";

const databaseText = "Invalid `prisma.flow.findMany()` invocation: JSON Error: unexpected end of hex escape";

async function connectedClient() {
  const failing = () => Promise.reject(new Error(databaseText));
  const server = createFlowToolsServer({ caller: localTestCaller, flowTools: { listExposed: failing, findExposed: failing }, runs: {} as RunService });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "osmen-test", version: "1.0.0" });
  await client.connect(clientSide);
  return client;
}

describe("flow tools server", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers -32603 with a generic message and logs the real error", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const client = await connectedClient();
    for (const call of [client.listTools(), client.callTool({ name: "echo", arguments: { input: "x" } })]) {
      const error = await call.then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(McpError);
      expect(error).toMatchObject({ code: ErrorCode.InternalError });
      expect((error as McpError).message).toContain(INTERNAL_ERROR_MESSAGE);
      expect((error as McpError).message).not.toContain("prisma");
    }
    expect(logged).toHaveBeenCalledWith("[mcp]", expect.objectContaining({ message: databaseText }));
    await client.close();
  });
});
