import { describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD_BYTES, withSmallAnswersUncompressed } from "./small-answers.ts";

describe("withSmallAnswersUncompressed", () => {
  it("marks a small JSON answer no-transform and keeps its status, headers and body", async () => {
    const answer = Response.json({ text: "naïve ☃" }, { status: 201, headers: { "x-kept": "yes", "cache-control": "no-store" } });
    const marked = await withSmallAnswersUncompressed(answer);
    expect(marked.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await marked.json()).toEqual({ text: "naïve ☃" });
    expect(marked.status).toBe(201);
    expect(marked.headers.get("x-kept")).toBe("yes");
  });

  it("leaves a JSON answer of the threshold or more to compression, body intact", async () => {
    const big = { text: "x".repeat(COMPRESSION_THRESHOLD_BYTES) };
    const answer = await withSmallAnswersUncompressed(Response.json(big));
    expect(answer.headers.get("cache-control")).toBeNull();
    expect(await answer.json()).toEqual(big);
  });

  it("returns an event stream and a bodiless answer unread", async () => {
    const stream = new Response(new ReadableStream({ start: () => undefined }), { headers: { "content-type": "text/event-stream" } });
    expect(await withSmallAnswersUncompressed(stream)).toBe(stream);
    expect(stream.bodyUsed).toBe(false);
    const empty = new Response(null, { status: 204 });
    expect(await withSmallAnswersUncompressed(empty)).toBe(empty);
  });
});
