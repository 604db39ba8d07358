import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { DEFAULT_BODY_LIMIT_BYTES, FLOW_BODY_LIMIT_BYTES, limitRequestBody, trpcBodyLimit } from "./body-limit.ts";

const url = "http://localhost/api/v1/flows/f/run";

/** A chunked body (no Content-Length) of `count` chunks of `size` bytes; counts how many were pulled. */
function chunkedBody(count: number, size: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === count) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

const chunkedRequest = (stream: ReadableStream<Uint8Array>) =>
  new Request(url, { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("limitRequestBody", () => {
  it("passes a body under the cap through, still readable as JSON", async () => {
    const request = new Request(url, { method: "POST", body: JSON.stringify({ input: "hi" }), headers: { "content-type": "application/json" } });
    const limited = await limitRequestBody(request, 1024);
    expect(await limited.json()).toEqual({ input: "hi" });
    expect(limited.headers.get("content-type")).toBe("application/json");
  });

  it("refuses a declared Content-Length over the cap without reading the body", async () => {
    const { stream, state } = chunkedBody(100, 1024);
    const request = new Request(url, { method: "POST", body: stream, headers: { "content-length": String(2 * 1024 * 1024) }, duplex: "half" } as RequestInit);
    const error = await refusal(limitRequestBody(request, DEFAULT_BODY_LIMIT_BYTES));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.details).toEqual({ limitBytes: DEFAULT_BODY_LIMIT_BYTES });
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("counts a chunked body without Content-Length and stops reading once past the cap", async () => {
    const { stream, state } = chunkedBody(4096, 1024);
    const error = await refusal(limitRequestBody(chunkedRequest(stream), DEFAULT_BODY_LIMIT_BYTES));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.userMessage).toContain("1 MB");
    // 1 MB is 1024 chunks; the reader may have one chunk of read-ahead, never the 4 MB the client sent.
    expect(state.pulled).toBeLessThanOrEqual(1026);
  });

  it("accepts a chunked body exactly at the cap", async () => {
    const { stream } = chunkedBody(4, 256);
    const limited = await limitRequestBody(chunkedRequest(stream), 1024);
    expect((await limited.arrayBuffer()).byteLength).toBe(1024);
  });

  it("leaves a request without a body alone", async () => {
    const request = new Request(url, { method: "GET" });
    expect(await limitRequestBody(request, 1)).toBe(request);
  });
});

describe("trpcBodyLimit", () => {
  it("gives graph-carrying procedures 5 MB and everything else 1 MB", () => {
    expect(trpcBodyLimit("/api/trpc/flow.update")).toBe(FLOW_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit("/api/trpc/flow.list,flow.import")).toBe(FLOW_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit("/api/trpc/google.disconnect")).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(trpcBodyLimit("/api/trpc/flow.updateX")).toBe(DEFAULT_BODY_LIMIT_BYTES);
  });
});
