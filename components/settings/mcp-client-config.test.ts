import { describe, expect, it } from "vitest";
import { mcpClientConfig } from "./mcp-client-config";

const url = "https://studio.example.com/api/mcp";

describe("mcpClientConfig", () => {
  it("gives VS Code an http server with the Authorization header", () => {
    expect(JSON.parse(mcpClientConfig("vscode", url, "osm_key"))).toEqual({
      servers: { "osmen-studio": { type: "http", url, headers: { Authorization: "Bearer osm_key" } } },
    });
  });

  it("gives Cursor the mcpServers form with url and headers", () => {
    expect(JSON.parse(mcpClientConfig("cursor", url, "osm_key")).mcpServers["osmen-studio"]).toEqual({ type: "http", url, headers: { Authorization: "Bearer osm_key" } });
  });

  it("gives Claude Desktop the mcp-remote bridge with the header as an argument", () => {
    expect(JSON.parse(mcpClientConfig("claude-desktop", url, "osm_key")).mcpServers["osmen-studio"].args).toEqual(["-y", "mcp-remote", url, "--header", "Authorization: Bearer osm_key"]);
  });
});
