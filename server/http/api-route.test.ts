import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { httpHeadersOf } from "@/server/errors";
import { apiRoute } from "./api-route.ts";

describe("the /api/v1 frame", () => {
  it("answers 413 for a body over 1 MB, chunked or not, before the handler or the database is touched", async () => {
    let calls = 0;
    const route = apiRoute<Record<string, never>>(async () => {
      calls += 1;
      return Response.json({});
    });
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x20);
    const declared = await route(new Request("http://localhost/api/v1/flows/f/run", { method: "POST", body: big, headers: { "content-type": "application/json" } }), {
      params: Promise.resolve({}),
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", details: { limitBytes: 1024 * 1024 } } });

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 32; index += 1) controller.enqueue(big.subarray(0, 64 * 1024));
        controller.close();
      },
    });
    const chunked = await route(new Request("http://localhost/api/v1/flows/f/run", { method: "POST", body: stream, duplex: "half" } as RequestInit), {
      params: Promise.resolve({}),
    });
    expect(chunked.status).toBe(413);
    expect(calls).toBe(0);
  });
});

describe("httpHeadersOf", () => {
  it("turns retryAfterSeconds into a whole-second Retry-After and adds nothing otherwise", () => {
    expect(httpHeadersOf(new AppError("TOO_MANY_REQUESTS", "full", { details: { retryAfterSeconds: 2.5 } }))).toEqual({ "retry-after": "3" });
    expect(httpHeadersOf(new AppError("TOO_MANY_REQUESTS", "full"))).toEqual({});
    expect(httpHeadersOf(new AppError("BAD_REQUEST", "x", { details: { retryAfterSeconds: "soon" } }))).toEqual({});
  });
});
