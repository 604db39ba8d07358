// What each model saw: after a run against a local Ollama-protocol server, the run panel lists a node's model
// calls, and one opens onto the messages sent (system prompt, user message, tool results) and the answer.
import { expect, test, type Page } from "@playwright/test";
import { agentGraph, chatGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createFlow } from "./helpers/api";
import { nodeById, startRunFromCanvas } from "./helpers/canvas";

let ollama: ScriptedServer;

test.beforeAll(async () => {
  ollama = await startOllamaServer();
});
test.afterAll(async () => {
  await ollama?.close();
});
test.beforeEach(() => ollama.reset());

async function runFlow(page: Page, flowId: string, nodeId: string, input: string) {
  await page.goto(`/flows/${flowId}`);
  await expect(nodeById(page, nodeId)).toBeVisible();
  await startRunFromCanvas(page, input);
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
}

test("opens an llm node's model call and reads the system prompt, the user message and the answer", async ({ page, request }) => {
  ollama.setDefault({ text: "Paris, of course.", usage: { inputTokens: 21, outputTokens: 5 } });
  const flow = await createFlow(request, "Model calls: chat", chatGraph({ baseUrl: ollama.url, system: "You are a terse geography tutor." }));
  await runFlow(page, flow.id, "llm", "What is the capital of France?");

  const calls = page.getByTestId("model-calls-llm");
  const call = calls.getByTestId("model-call");
  await expect(call).toHaveCount(1);
  await expect(call.locator("summary").first()).toContainText("#1 · ollama · llama3.2");
  await expect(call.locator("summary").first()).toContainText("21 in · 5 out tokens");
  const turns = call.getByTestId("model-call-turn");
  await expect(turns.first()).toBeHidden();
  await call.locator("summary").first().click();
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(0)).toContainText("System");
  await expect(turns.nth(0)).toContainText("You are a terse geography tutor.");
  await expect(turns.nth(1)).toContainText("User");
  await expect(turns.nth(1)).toContainText("What is the capital of France?");
  await expect(turns.nth(2)).toContainText("Answer");
  await expect(turns.nth(2)).toContainText("Paris, of course.");
  // The raw JSON stays folded until asked for.
  await expect(call.getByText('"role": "system"')).toBeHidden();
  await call.getByText("Raw JSON").click();
  await expect(call.getByText('"role": "system"')).toBeVisible();

  // The calls are stored with the run: reopened from history after a reload, they are still there.
  await page.reload();
  await page.getByRole("button", { name: "Runs", exact: true }).click();
  await page.getByRole("list", { name: "Run history" }).getByRole("button").first().click();
  await expect(page.getByTestId("model-calls-llm").getByTestId("model-call")).toHaveCount(1);
});

test("shows an agent's second model call with the calculator's result it was given", async ({ page, request }) => {
  ollama.enqueue({ toolCalls: [{ name: "calculator", arguments: { expression: "6 * 7" } }] }, { text: "It is 42." });
  const graph = agentGraph({ baseUrl: ollama.url, instructions: "Use the calculator." });
  graph.nodes.push({ id: "calc", type: "tool.calculator", position: { x: 440, y: 200 }, data: {} });
  graph.edges.push({ id: "e-calc", source: "calc", sourceHandle: "tool", target: "agent", targetHandle: "tools" });
  const flow = await createFlow(request, "Model calls: agent", graph);
  await runFlow(page, flow.id, "agent", "What is 6 times 7?");

  const calls = page.getByTestId("model-calls-agent").getByTestId("model-call");
  await expect(calls).toHaveCount(2);
  await expect(calls.nth(0).locator("summary").first()).toContainText("asked for tools");
  const second = calls.nth(1);
  await second.locator("summary").first().click();
  const turns = second.getByTestId("model-call-turn");
  await expect(turns.filter({ hasText: "Use the calculator." })).toHaveCount(1);
  await expect(turns.filter({ hasText: "Calls calculator" })).toContainText('"expression": "6 * 7"');
  await expect(turns.filter({ hasText: "Tool result: calculator" })).toContainText('"result": 42');
  await expect(turns.last()).toContainText("It is 42.");
  await second.getByText("Tools offered (1)").click();
  await expect(second.getByText(/^calculator: /)).toBeVisible();
});
