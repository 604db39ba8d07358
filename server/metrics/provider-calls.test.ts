// The provider watch on its own: one report per model call, with the outcome the caller saw.
import { describe, expect, it } from "vitest";
import { LLMError } from "@/lib/llm/errors";
import { createScriptedProvider, type ScriptedReply } from "@/testing/scripted-provider";
import { watchProviderCalls, watchRunProviders, type ProviderCallReport } from "./provider-calls.ts";

const context = { signal: new AbortController().signal, nodeId: "llm" };

async function watched(...replies: ScriptedReply[]) {
  const reports: ProviderCallReport[] = [];
  const resolve = watchProviderCalls(createScriptedProvider({ name: "scripted", replies }), (report) => void reports.push(report));
  return { provider: await resolve(undefined, context), reports };
}

describe("watching model calls", () => {
  it("reports a whole call with its tokens and no first-token time", async () => {
    const { provider, reports } = await watched({ text: "hi", usage: { inputTokens: 4, outputTokens: 1 } });
    expect((await provider.chat([{ role: "user", content: "x" }])).content).toBe("hi");
    expect(reports).toEqual([{ provider: "scripted", nodeId: "llm", outcome: "ok", totalMs: expect.any(Number), usage: { inputTokens: 4, outputTokens: 1 } }]);
  });

  it("reports a provider failure by its kind, and passes the error on", async () => {
    const limited = new LLMError({ kind: "rate_limit", provider: "scripted", message: "slow down" });
    const { provider, reports } = await watched({ error: limited });
    await expect(provider.chat([{ role: "user", content: "x" }])).rejects.toBe(limited);
    expect(reports).toEqual([expect.objectContaining({ outcome: "rate_limit" })]);
  });

  it("reports a stream read to its end as ok, with the time to its first chunk", async () => {
    const { provider, reports } = await watched({ text: "one two three" });
    const texts: string[] = [];
    for await (const chunk of provider.stream([{ role: "user", content: "x" }])) if (chunk.type === "text") texts.push(chunk.delta);
    expect(texts.join("")).toBe("one two three");
    expect(reports).toEqual([expect.objectContaining({ outcome: "ok", firstTokenMs: expect.any(Number), usage: expect.any(Object) })]);
  });

  it("reports a stream its reader left before the end as aborted", async () => {
    const { provider, reports } = await watched({ text: "one two three" });
    for await (const chunk of provider.stream([{ role: "user", content: "x" }])) if (chunk.type === "text") break;
    expect(reports).toEqual([expect.objectContaining({ outcome: "aborted", firstTokenMs: expect.any(Number) })]);
  });

  it("labels each call with the run it served, and asks for the run's providers as its user", async () => {
    const reports: ProviderCallReport[] = [];
    const asked: string[][] = [];
    const providers = watchRunProviders(
      (runUserId, runId) => {
        asked.push([runUserId, runId]);
        return createScriptedProvider({ name: "scripted", replies: [{ text: "hi" }] });
      },
      (report) => void reports.push(report),
    );
    const provider = await providers("user-1", "run-1")(undefined, context);
    await provider.chat([{ role: "user", content: "x" }]);
    expect(asked).toEqual([["user-1", "run-1"]]);
    expect(reports).toEqual([expect.objectContaining({ provider: "scripted", runId: "run-1", nodeId: "llm", outcome: "ok" })]);
  });
});
