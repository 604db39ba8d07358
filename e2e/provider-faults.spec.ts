// Provider faults on the canvas, against local Ollama-protocol model servers named on the flow's model node:
// an answer that is empty and cut off at the token limit is a success with warnings (on the node and in the
// run panel) and its reasoning collapsed; an Ollama server that is not running fails the node with a hint.
import { createServer } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { chatGraph } from "@/testing/flow-graphs";
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

/** A loopback address where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
  await new Promise((resolve) => closed.close(resolve));
  return url;
}

async function runFromCanvas(page: Page, flowId: string, input: string) {
  await page.goto(`/flows/${flowId}`);
  await expect(nodeById(page, "llm")).toBeVisible();
  await startRunFromCanvas(page, input);
}

test("an empty answer cut off at the token limit shows its warnings and the reasoning, collapsed", async ({ page, request }) => {
  ollama.setDefault({ reasoning: "Weighing sun against rain", finishReason: "length" });
  const flow = await createFlow(request, "Faults: cut off", chatGraph({ baseUrl: ollama.url }));
  await runFromCanvas(page, flow.id, "Weather?");
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded");

  const llm = nodeById(page, "llm");
  await expect(llm.getByTestId("node-run-status")).toHaveText("Succeeded");
  const nodeWarnings = llm.getByTestId("node-run-warnings").getByRole("listitem");
  await expect(nodeWarnings).toHaveCount(2);
  await expect(nodeWarnings.filter({ hasText: "gave no answer" })).toHaveCount(1);
  await expect(nodeWarnings.filter({ hasText: "cut off at the token limit" })).toHaveCount(1);
  await expect(page.getByTestId("run-warnings").getByRole("listitem")).toHaveCount(2);
  const panelWarnings = page.getByTestId("run-warnings").getByRole("listitem");
  await expect(panelWarnings.filter({ hasText: "llm: The model only reasoned and gave no answer" })).toHaveCount(1);
  await expect(panelWarnings.filter({ hasText: "llm: The answer was cut off at the token limit" })).toHaveCount(1);

  // The reasoning is there, but collapsed until asked for.
  const reasoning = llm.getByTestId("node-run-reasoning");
  await expect(reasoning).not.toHaveAttribute("open");
  await expect(reasoning.getByText("Weighing sun against rain")).toBeHidden();
  await reasoning.getByText("Reasoning").click();
  await expect(reasoning.getByText("Weighing sun against rain")).toBeVisible();
});

test("an Ollama server that is not running fails the node with the hint to start it", async ({ page, request }) => {
  const flow = await createFlow(request, "Faults: down", chatGraph({ baseUrl: await closedPortUrl() }));
  await runFromCanvas(page, flow.id, "Weather?");
  await expect(page.getByTestId("run-status")).toHaveText("Failed");
  const llm = nodeById(page, "llm");
  await expect(llm.getByTestId("node-run-status")).toHaveText("Failed");
  await expect(llm.locator(".run-error")).toContainText("The model server could not be reached");
  await expect(llm.locator(".run-error")).toContainText("ollama serve");
});
