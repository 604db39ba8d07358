// Models and editor ergonomics: the model picker filled from a local Ollama-protocol server (and its pull hint,
// and a server that cannot be reached), the providers' status in Settings, the Run dialog's focus and when it
// asks at all, and an edit kept when the page is left through an in-app link right after it.
import { expect, test, type Page } from "@playwright/test";
import { chatGraph } from "@/testing/flow-graphs";
import { closedPortUrl } from "@/testing/closed-port";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createFlow, getFlow } from "./helpers/api";
import { expectSaved, nodeById } from "./helpers/canvas";

let ollama: ScriptedServer;

test.beforeAll(async () => {
  ollama = await startOllamaServer({ models: ["llama3.2", "qwen2.5:7b", "mistral"] });
});
test.afterAll(async () => {
  await ollama?.close();
});
test.beforeEach(() => ollama.reset());

async function openModelNode(page: Page, flowId: string) {
  await page.goto(`/flows/${flowId}`);
  await nodeById(page, "model").click();
  return page.getByRole("complementary", { name: "Inspector" }).getByRole("combobox", { name: "Model" });
}

const savedModel = async (request: Parameters<typeof getFlow>[0], flowId: string) =>
  (await getFlow(request, flowId)).graph.nodes.find((node) => node.id === "model")?.data.config as { model?: string } | undefined;

test("picks a model from the list the Ollama server serves, and the node keeps it", async ({ page, request }) => {
  const flow = await createFlow(request, "Models: pick", chatGraph({ baseUrl: ollama.url, model: "llama3.2" }));
  const model = await openModelNode(page, flow.id);
  await model.click();
  const list = page.getByRole("listbox", { name: "Models the provider lists" });
  await expect(list.getByRole("option")).toHaveText(["llama3.2:latest", "qwen2.5:7b", "mistral:latest"]);
  expect(ollama.requests.some((each) => each.path === "/api/tags")).toBe(true);

  await list.getByRole("option", { name: "qwen2.5:7b" }).click();
  await expect(model).toHaveValue("qwen2.5:7b");
  await expect(list).toBeHidden();
  await expect(page.getByTestId("model-note")).toHaveCount(0);
  await expectSaved(page);
  expect((await savedModel(request, flow.id))?.model).toBe("qwen2.5:7b");

  // Typing narrows the list; the keyboard picks too.
  await model.fill("mis");
  await expect(list.getByRole("option")).toHaveText(["mistral:latest"]);
  await model.press("ArrowDown");
  await model.press("Enter");
  await expect(model).toHaveValue("mistral:latest");
});

test("a model the Ollama server lacks shows the pull command; an unreachable server says so and free text still works", async ({ page, request }) => {
  const flow = await createFlow(request, "Models: missing", chatGraph({ baseUrl: ollama.url, model: "llama3.2" }));
  const model = await openModelNode(page, flow.id);
  await model.fill("phi4");
  await expect(page.getByTestId("model-note")).toHaveText('This Ollama server does not have "phi4". Download it with: ollama pull phi4');
  await expectSaved(page);
  expect((await savedModel(request, flow.id))?.model).toBe("phi4");

  const down = await createFlow(request, "Models: down", chatGraph({ baseUrl: await closedPortUrl(), model: "llama3.2" }));
  const downModel = await openModelNode(page, down.id);
  await expect(page.getByTestId("model-note")).toContainText("Could not list the provider's models:");
  await expect(page.getByTestId("model-note")).toContainText("You can still type a model name.");
  await downModel.fill("my-own-model");
  await expectSaved(page);
  expect((await savedModel(request, down.id))?.model).toBe("my-own-model");
});

test("an edit followed at once by an in-app link is kept", async ({ page, request }) => {
  const flow = await createFlow(request, "Models: leave", chatGraph({ baseUrl: ollama.url }));
  await page.goto(`/flows/${flow.id}`);
  await nodeById(page, "llm").click();
  const label = page.getByRole("complementary", { name: "Inspector" }).getByLabel("Label", { exact: true });
  await label.fill("Answer writer");
  await page.getByRole("banner").getByRole("link", { name: "Flows" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");

  const savedLabel = async () => (await getFlow(request, flow.id)).graph.nodes.find((node) => node.id === "llm")?.data.label;
  await expect.poll(savedLabel).toBe("Answer writer");
  await page.goto(`/flows/${flow.id}`);
  await nodeById(page, "llm").click();
  await expect(page.getByRole("complementary", { name: "Inspector" }).getByLabel("Label", { exact: true })).toHaveValue("Answer writer");
});

test("Ctrl+Enter puts the cursor in the Run dialog's input; a flow without an Input node runs at once", async ({ page, request }) => {
  ollama.setDefault({ text: ["Done"] });
  const flow = await createFlow(request, "Models: run input", chatGraph({ baseUrl: ollama.url }));
  await page.goto(`/flows/${flow.id}`);
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+Enter");
  const dialog = page.getByRole("dialog", { name: "Run flow" });
  await expect(dialog.getByLabel("Input")).toBeFocused();
  await page.keyboard.type("typed straight away");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(nodeById(page, "llm").getByTestId("node-run-status")).toHaveText("Succeeded");
  expect(JSON.stringify(ollama.requests.find((each) => each.path === "/api/chat")?.body.messages)).toContain("typed straight away");

  const graph = chatGraph({ baseUrl: ollama.url });
  const withoutInput = {
    ...graph,
    nodes: [{ id: "prompt", type: "prompt", position: { x: 0, y: 0 }, data: { config: { template: "Say hello" } } }, ...graph.nodes.filter((node) => node.id !== "input")],
    edges: graph.edges.map((edge) => (edge.id === "e-input" ? { ...edge, source: "prompt" } : edge)),
  };
  const noInput = await createFlow(request, "Models: no input", withoutInput);
  await page.goto(`/flows/${noInput.id}`);
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+Enter");
  await expect(nodeById(page, "llm").getByTestId("node-run-status")).toHaveText("Succeeded");
  await expect(dialog).toHaveCount(0);
});

test("Settings shows each provider's status", async ({ page }) => {
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Model providers" });
  const rows = section.getByTestId("provider-row");
  await expect(rows).toHaveCount(4);
  // The test server's environment sets no cloud key (whether an Ollama answers on its default address depends on the machine).
  const anthropicRow = rows.filter({ hasText: "Anthropic" });
  await expect(anthropicRow.getByTestId("provider-availability")).toHaveText("Not available");
  await expect(anthropicRow.getByTestId("provider-key")).toHaveText("Key not set");
  await expect(anthropicRow).toContainText("To set up: Anthropic: set ANTHROPIC_API_KEY");
  const ollamaRow = rows.filter({ hasText: "Ollama" }).first();
  await expect(ollamaRow.getByTestId("provider-model")).toHaveText("Default model llama3.2");
  await expect(ollamaRow.getByTestId("provider-key")).toHaveCount(0);
  await expect(rows.filter({ hasText: /^OpenAI(?!-compatible)/ }).getByTestId("provider-key")).toHaveText("Key not set");
});

test("? lists the keyboard shortcuts; an import error leaves the toolbar as it was; the app has an icon", async ({ page, request }) => {
  const flow = await createFlow(request, "Models: keys", chatGraph({ baseUrl: ollama.url }));
  await page.goto(`/flows/${flow.id}`);
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Shift+?");
  const keys = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(keys.getByRole("row", { name: /Redo/ })).toContainText("Shift+Ctrl/Cmd+Z or Ctrl/Cmd+Y");
  await expect(keys.getByRole("row", { name: /Keyboard shortcuts/ })).toContainText("?");
  await page.keyboard.press("Escape");
  await expect(keys).toBeHidden();

  const history = page.getByRole("button", { name: "History" });
  const before = await history.boundingBox();
  const reason = "x".repeat(300);
  await page.getByLabel("Import a flow file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: reason })) });
  const message = page.getByTestId("import-export-message");
  await expect(message).toContainText("Import failed");
  expect(await history.boundingBox()).toEqual(before);
  await message.getByRole("button", { name: "Dismiss message" }).click();
  await expect(message).toHaveCount(0);

  const icon = await request.get((await page.locator('link[rel="icon"]').first().getAttribute("href"))!);
  expect(icon.ok()).toBe(true);
  expect(await icon.text()).toContain("<svg");
});

test("a new empty flow greets with a hint, not an error; an imported flow gets a distinct name", async ({ page, request }) => {
  const empty = await createFlow(request, "Models: empty");
  await page.goto(`/flows/${empty.id}`);
  await expect(page.getByTestId("empty-flow-hint")).toContainText("This flow is empty.");
  await expect(page.getByRole("list", { name: "Problems with this flow" })).toHaveCount(0);

  const document = { format: "osmen-flow", formatVersion: 1, name: "Models: empty", description: "", graph: { version: 1, nodes: [], edges: [] } };
  await page.getByLabel("Import a flow file").setInputFiles({ name: "empty.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  await expect(page).not.toHaveURL(new RegExp(`/flows/${empty.id}$`));
  await expect(page.getByRole("heading", { name: "Models: empty (imported)" })).toBeVisible();
});
