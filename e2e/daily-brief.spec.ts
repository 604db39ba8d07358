// A newcomer's path: open the gallery, use the Daily Brief template (sample data on), point its Ollama node
// at a local Ollama-protocol server in the inspector, run it from the canvas and read the brief.
import { expect, test } from "@playwright/test";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { getFlow } from "./helpers/api";
import { nodeById } from "./helpers/canvas";

let ollama: ScriptedServer;
test.beforeAll(async () => (ollama = await startOllamaServer()));
test.afterAll(async () => ollama?.close());

test("the Daily Brief template runs with sample data and shows the brief", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/templates");
  const card = page.getByTestId("template-card").filter({ hasText: "Daily Brief" });
  await expect(card).toContainText("Sequential", { ignoreCase: true });
  await card.getByRole("button", { name: /Use template Daily Brief/ }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(nodeById(page, "calendar").getByText("Sample", { exact: true })).toBeVisible();

  // In the inspector, as a person would: the model node's Base URL names where Ollama runs.
  await nodeById(page, "model").click();
  await page.getByLabel("Base URL").fill(ollama.url);
  ollama.setDefault({ text: ["## Today\n\n", "- 08:30 Team standup\n", "- Reply to Priya\n"] });
  // The edit is saved with the flow (starting the run would save it too).
  const flowId = page.url().split("/").pop()!;
  const savedConfig = async () => (await getFlow(request, flowId)).graph.nodes.find((node) => node.id === "model")?.data.config as { baseUrl?: string } | undefined;
  await expect.poll(async () => (await savedConfig())?.baseUrl).toBe(ollama.url);

  // The Daily Brief has no Input node, so Ctrl+Enter runs it at once, without asking for input.
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("run-status")).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Run flow" })).toHaveCount(0);

  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("run-final-output")).toContainText("Team standup");
  const prompt = JSON.stringify(ollama.requests.find((each) => each.path === "/api/chat")?.body.messages);
  expect(prompt).toContain("Design review: onboarding flow");
  expect(prompt).toMatch(/sample/i);
});
