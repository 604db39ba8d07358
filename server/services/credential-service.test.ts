import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeMcpSecret } from "@/lib/credentials/mcp-header";
import { createVault } from "@/lib/secrets";
import { testDatabases } from "@/testing/databases";
import { localTestCaller as me } from "@/testing/trpc-caller";
import { createCredentialService } from "./credential-service";

const [sqlite] = testDatabases();

describe("credential service", () => {
  let database: Awaited<ReturnType<typeof sqlite.create>>;
  const vault = createVault(randomBytes(32));
  beforeAll(async () => (database = await sqlite.create()));
  afterAll(async () => database?.drop());

  it("stores a secret encrypted and lists only its name, kind and last four characters", async () => {
    const credentials = createCredentialService(database, () => vault);
    const created = await credentials.create(me, { name: "Work OpenAI", kind: "openai", secret: "sk-proj-abcdefghijklmnop1234" });
    expect(created).toMatchObject({ name: "Work OpenAI", kind: "openai", last4: "1234" });
    expect(JSON.stringify(await credentials.list(me))).not.toContain("sk-proj-abcdefghijklmnop1234");
    const row = await database.prisma.credential.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secret).not.toContain("abcdefghijklmnop");
    expect(await credentials.reveal(me, created.id)).toBe("sk-proj-abcdefghijklmnop1234");
  });

  it("cannot be read with another key, and says so", async () => {
    const credentials = createCredentialService(database, () => vault);
    const created = await credentials.create(me, { name: "Claude", kind: "anthropic", secret: "sk-ant-0000000000009876" });
    const otherKey = createCredentialService(database, () => createVault(randomBytes(32)));
    await expect(otherKey.reveal(me, created.id)).rejects.toThrow(/key/i);
  });

  it("filters by kind, replaces a secret and deletes", async () => {
    const credentials = createCredentialService(database, () => vault);
    const google = await credentials.create(me, { name: "Google", kind: "google", secret: '{"refreshToken":"1//old-token-aaaa"}' });
    expect((await credentials.list(me, "google")).map((each) => each.id)).toEqual([google.id]);
    const replaced = await credentials.replaceSecret(me, google.id, '{"refreshToken":"1//new-token-bbbb"}');
    expect(replaced.last4).toBe('bb"}');
    expect(await credentials.reveal(me, google.id)).toContain("new-token");
    await credentials.remove(me, google.id);
    await expect(credentials.reveal(me, google.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("binds an MCP server key to its URL and seals it with the header it is sent in", async () => {
    const credentials = createCredentialService(database, () => vault);
    const bearer = await credentials.create(me, { name: "Weather", kind: "mcp", secret: "mcp-key-00001111", baseUrl: "https://MCP.example.com/mcp/" });
    expect(bearer).toMatchObject({ kind: "mcp", endpoint: "https://mcp.example.com/mcp", last4: "1111" });
    expect(decodeMcpSecret((await credentials.resolveForRun(me, bearer.id)).secret)).toEqual({ name: "Authorization", value: "Bearer mcp-key-00001111" });
    const named = await credentials.create(me, { name: "Search", kind: "mcp", secret: "mcp-key-22223333", baseUrl: "https://search.example.com/mcp", headerName: "X-API-Key" });
    expect(decodeMcpSecret(await credentials.reveal(me, named.id))).toEqual({ name: "X-API-Key", value: "mcp-key-22223333" });
  });

  it("refuses an MCP key without a server URL or with a bad header name, and a header name for other kinds", async () => {
    const credentials = createCredentialService(database, () => vault);
    await expect(credentials.create(me, { name: "No URL", kind: "mcp", secret: "mcp-key-44445555" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("needs the server's URL") });
    await expect(
      credentials.create(me, { name: "Bad header", kind: "mcp", secret: "mcp-key-44445555", baseUrl: "https://mcp.example.com/mcp", headerName: "X Key" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a valid HTTP header name") });
    await expect(credentials.create(me, { name: "OpenAI", kind: "openai", secret: "sk-proj-0000000000001111", headerName: "X-Key" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
