// A newcomer's path: open the gallery, use the Daily Brief template (sample data on), point its Ollama node
// at a local Ollama-protocol server, run it from the canvas and read the brief.
import { expect, test } from "@playwright/test";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { getFlow, updateFlow } from "./helpers/api";
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

  // As a person would in the inspector: the model node's Base URL names where Ollama runs.
  const flowId = page.url().split("/").pop()!;
  const flow = await getFlow(request, flowId);
  const graph = {
    ...flow.graph,
    nodes: flow.graph.nodes.map((node) =>
      node.type === "provider.ollama" ? { ...node, data: { ...node.data, config: { ...(node.data.config as object), baseUrl: ollama.url } } } : node,
    ),
  };
  await updateFlow(request, { id: flowId, version: flow.version, graph });
  ollama.setDefault({ text: ["## Today\n\n", "- 08:30 Team standup\n", "- Reply to Priya\n"] });

  await page.reload();
  await expect(nodeById(page, "writer")).toBeVisible();
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+Enter");
  const dialog = page.getByRole("dialog", { name: "Run flow" });
  await dialog.getByLabel("Input").fill("Brief me");
  await dialog.getByLabel("Input").press("Enter");

  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("run-final-output")).toContainText("Team standup");
  const prompt = JSON.stringify(ollama.requests.find((each) => each.path === "/api/chat")?.body.messages);
  expect(prompt).toContain("Design review: onboarding flow");
  expect(prompt).toMatch(/sample/i);
});
