import { afterAll, beforeAll, expect, it } from "vitest";
import { collect, startHarness, type Harness } from "@/testing/llm-harness.ts";

let harness: Harness;
beforeAll(async () => void (harness = await startHarness("anthropic")));
afterAll(() => harness.server.close());

it("prefills '{' for jsonMode on models that accept it, and keeps it in the answer", async () => {
  harness.server.enqueue({ text: ['"ok": ', "true}"] }, { text: ['"ok": ', "true}"] });
  const llm = await harness.provider({ model: "claude-3-5-haiku-latest", jsonMode: true });
  const messages = [{ role: "user" as const, content: "Status?" }];
  expect(JSON.parse((await llm.chat(messages)).content)).toEqual({ ok: true });
  const chunks = await collect(llm.stream(messages));
  const done = chunks.at(-1)!;
  expect(done.type === "done" && JSON.parse(done.response.content)).toEqual({ ok: true });
  const sent = harness.server.requests[0]!.body;
  expect(sent.messages.at(-1)).toEqual({ role: "assistant", content: "{" });
  expect(sent.system).toContain("JSON");
});

it("does not prefill on Claude 4.6 and later, and merges system messages", async () => {
  harness.server.enqueue({ text: ['{"ok": true}'] });
  const llm = await harness.provider({ model: "claude-opus-4-6", jsonMode: true });
  await llm.chat([{ role: "system", content: "One." }, { role: "system", content: "Two." }, { role: "user", content: "Hi" }]);
  const sent = harness.server.requests.at(-1)!.body;
  expect(sent.messages.at(-1).role).toBe("user");
  expect(sent.system).toMatch(/^One\.\n\nTwo\.\n\nRespond with a single valid JSON object/);
});
