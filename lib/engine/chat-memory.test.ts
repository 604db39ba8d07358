import { describe, expect, it } from "vitest";
import { compile } from "@/lib/flow/compile";
import type { ChatHistory } from "@/lib/flow/chat-history";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { memoryChatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { execute } from "./execute";

const planOf = (graph: FlowGraph) => {
  const { plan, diagnostics } = compile(graph);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return plan!;
};

const history: ChatHistory = [
  { role: "user", content: "My name is Ada." },
  { role: "assistant", content: "Nice to meet you, Ada." },
  { role: "user", content: "I live in London." },
  { role: "assistant", content: "London is lovely." },
];

describe("memory node", () => {
  it("sends the session's earlier turns to the model between the system prompt and the message", async () => {
    const provider = createScriptedProvider({ replies: ["You are Ada."] });
    const result = await execute(planOf(memoryChatGraph({ system: "Be brief." })), { input: "Who am I?", history, providers: provider });

    expect(result).toMatchObject({ status: "completed", output: "You are Ada." });
    expect(provider.calls[0]!.messages).toEqual([{ role: "system", content: "Be brief." }, ...history, { role: "user", content: "Who am I?" }]);
  });

  it("passes on only the last N turns", async () => {
    const provider = createScriptedProvider({ replies: ["ok"] });
    await execute(planOf(memoryChatGraph({ turns: 1 })), { input: "Where?", history, providers: provider });

    expect(provider.calls[0]!.messages).toEqual([...history.slice(2), { role: "user", content: "Where?" }]);
  });

  it("gives an agent the history before its task", async () => {
    const provider = createScriptedProvider({ replies: ["You are Ada."] });
    await execute(planOf(memoryChatGraph({ agent: true })), { input: "Who am I?", history, providers: provider });

    const messages = provider.calls[0]!.messages;
    expect(messages[0]?.role).toBe("system");
    expect(messages.slice(1)).toEqual([...history, { role: "user", content: "Who am I?" }]);
  });

  it("sends no history outside a chat", async () => {
    const provider = createScriptedProvider({ replies: ["hello"] });
    await execute(planOf(memoryChatGraph()), { input: "Hi", providers: provider });

    expect(provider.calls[0]!.messages).toEqual([{ role: "user", content: "Hi" }]);
  });
});
