// A conversation on every provider: the memory node's history reaches each provider's wire format through its
// official SDK, against local servers that record what they were sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "@/lib/flow/compile";
import type { ChatHistory } from "@/lib/flow/chat-history";
import type { ProviderName } from "@/lib/llm/types";
import { memoryChatGraph } from "@/testing/flow-graphs";
import { startHarness, type Harness } from "@/testing/llm-harness";
import { execute } from "./execute";

const history: ChatHistory = [
  { role: "user", content: "My name is Ada." },
  { role: "assistant", content: "Hello Ada." },
];

type WireMessage = { role: string; content: string | Array<{ type: string; text?: string }> };
const textOf = (content: WireMessage["content"]) => (typeof content === "string" ? content : content.map((block) => block.text ?? "").join(""));

describe.each<ProviderName>(["ollama", "openai", "anthropic"])("a memory flow on %s", (name) => {
  let harness: Harness;
  beforeAll(async () => (harness = await startHarness(name)));
  afterAll(async () => harness?.server.close());

  it("sends the system prompt, the earlier turns and the new message", async () => {
    harness.server.enqueue({ text: "You are Ada." });
    const { plan } = compile(memoryChatGraph({ system: "Be brief." }));
    const result = await execute(plan!, { input: "Who am I?", history, providers: await harness.provider() });

    expect(result).toMatchObject({ status: "completed", output: "You are Ada." });
    const body = harness.server.requests.at(-1)!.body as { messages: WireMessage[]; system?: unknown };
    const sent = body.messages.map((message) => ({ role: message.role, content: textOf(message.content) }));
    const turns = [...history, { role: "user", content: "Who am I?" }];
    // Anthropic takes the system prompt apart from the messages; the others as the first message.
    expect(sent).toEqual(name === "anthropic" ? turns : [{ role: "system", content: "Be brief." }, ...turns]);
    if (name === "anthropic") expect(JSON.stringify(body.system)).toContain("Be brief.");
  });
});
