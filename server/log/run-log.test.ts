// The model call line on its own: a run's watched provider (server/metrics/provider-calls.ts) feeding the
// log listener, captured as JSON lines. The line names the run, the node and the outcome; never the prompt
// or the answer.
import { describe, expect, it } from "vitest";
import { LLMError } from "@/lib/llm/errors";
import { watchRunProviders } from "@/server/metrics/provider-calls";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createLogger } from "./logger.ts";
import { providerLogListener } from "./run-log.ts";

const PROMPT = "prompt-text-that-must-stay-private-42";
const ANSWER = "answer-text-that-must-stay-private-17";

function loggedRunProviders() {
  const raw: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void raw.push(line) } });
  const replies = [{ text: ANSWER, usage: { inputTokens: 9, outputTokens: 4 } }, { error: new LLMError({ kind: "timeout", provider: "scripted", message: `timed out on ${PROMPT}` }) }];
  const providers = watchRunProviders(() => createScriptedProvider({ name: "scripted", replies }), providerLogListener(logger));
  return { providers, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("the provider call log line", () => {
  it("carries the run id, the node, the outcome, the latency and the tokens", async () => {
    const { providers, lines } = loggedRunProviders();
    const provider = await providers("user-1", "run-42")(undefined, { signal: new AbortController().signal, nodeId: "writer" });
    await provider.chat([{ role: "user", content: PROMPT }]);
    await expect(provider.chat([{ role: "user", content: PROMPT }])).rejects.toThrow();
    expect(lines()).toEqual([
      expect.objectContaining({ msg: "provider call", level: 30, provider: "scripted", runId: "run-42", nodeId: "writer", outcome: "ok", totalMs: expect.any(Number), inputTokens: 9, outputTokens: 4 }),
      expect.objectContaining({ msg: "provider call", level: 40, runId: "run-42", nodeId: "writer", outcome: "timeout" }),
    ]);
  });

  it("never writes the prompt, the answer or the error's text", async () => {
    const { providers, raw } = loggedRunProviders();
    const provider = await providers("user-1", "run-43")(undefined, { signal: new AbortController().signal, nodeId: "writer" });
    await provider.chat([{ role: "user", content: PROMPT }]);
    await provider.chat([{ role: "user", content: PROMPT }]).catch(() => undefined);
    expect(raw).toHaveLength(2);
    for (const text of [PROMPT, ANSWER]) expect(raw.join("")).not.toContain(text);
  });
});
