import { describe, expect, it } from "vitest";

describe("GET /api/health with the database down", () => {
  it("answers 503 with db: error and keeps answering", async () => {
    // Nothing listens on port 1: the database is unreachable from the first request on.
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/osmen";
    const { GET } = await import("./route.ts");
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "error", db: "error", version: expect.any(String) });
    }
  });
});
