// Every Prisma write goes through the client's extension (server/db/client.ts), which makes its arguments
// storable: text neither database accepts as it is, and JSON nested past Prisma's recursion limit, written
// straight through Prisma (no schema in front) are stored and read back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonDepth } from "@/lib/storable-data";
import { LOCAL_USER_ID } from "@/server/auth/caller";
import { testDatabases } from "@/testing/databases";

type Nested = string | { a: Nested };

/** `{ a: { a: ... "leaf" } }`, `levels` objects deep. */
const nested = (levels: number): Nested => (levels === 0 ? "leaf \ud800" : { a: nested(levels - 1) });

describe.each(testDatabases())("Prisma writes on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;

  beforeAll(async () => (database = await create()));
  afterAll(async () => database?.drop());

  it("stores lone surrogates and NUL as U+FFFD, in columns and in JSON keys and values", async () => {
    const graph = { nodes: [], edges: [], "key \udc00": "value \ud800", nul: "a\u0000b" };
    const flow = await database.prisma.flow.create({ data: { ownerId: LOCAL_USER_ID, name: "bad \ud800 name\u0000", graph } });
    const row = await database.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(row.name).toBe("bad \ufffd name\ufffd");
    expect(row.graph).toEqual({ nodes: [], edges: [], "key \ufffd": "value \ufffd", nul: "a\ufffdb" });
  });

  it("stores JSON nested past Prisma's recursion limit, the deep part as JSON text", async () => {
    const flow = await database.prisma.flow.create({ data: { ownerId: LOCAL_USER_ID, name: "Deep", graph: { deep: nested(300) } } });
    const row = await database.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
    expect(jsonDepth(row.graph)).toBeLessThan(100);
    let cursor = (row.graph as { deep: unknown }).deep;
    let levels = 0;
    while (typeof cursor === "object" && cursor !== null) {
      cursor = (cursor as { a: unknown }).a;
      levels += 1;
    }
    // Inside JSON text the surrogate is an escape, which every store accepts: nothing of the deep part is lost.
    expect(JSON.parse(cursor as string)).toEqual(nested(300 - levels));
  });
});
