// Running a flow from the canvas against a local Ollama-protocol server that streams slowly: text shows on
// the node while it streams, a reload reattaches to the run, Stop cancels it (and its model request), and
// history repaints a past run.
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

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index} `);

async function openFlowWithRun(page: Page, flowId: string) {
  await page.goto(`/flows/${flowId}`);
  await expect(nodeById(page, "llm")).toBeVisible();
}

/** The highest word index shown on the node so far. */
async function lastWordOn(page: Page): Promise<number> {
  const text = (await nodeById(page, "llm").getByTestId("node-run-text").textContent()) ?? "";
  const indexes = [...text.matchAll(/word(\d+)/g)].map((match) => Number(match[1]));
  return Math.max(-1, ...indexes);
}

test("streams onto the node, reattaches after a reload, and stops", async ({ page, request }) => {
  // 45 s of streaming: long enough that a loaded machine still reaches Stop mid-run.
  test.setTimeout(120_000);
  ollama.setDefault({ text: words(150), chunkDelayMs: 300 });
  const flow = await createFlow(request, "Run: streaming", chatGraph({ baseUrl: ollama.url }));
  await openFlowWithRun(page, flow.id);
  await startRunFromCanvas(page, "Tell me a story");

  const llm = nodeById(page, "llm");
  const text = llm.getByTestId("node-run-text");
  await expect(text).toContainText("word2");
  await expect(page.getByTestId("run-status")).toHaveText("Running");
  await expect(llm.getByTestId("node-run-status")).toHaveText("Running");
  // The edge out of the running llm node carries data, so it is animated.
  await expect(page.locator('[data-testid="rf__edge-e-output"] .react-flow__edge-path')).toHaveCSS("animation-name", "dashdraw");
  expect(ollama.requests.find((each) => each.path === "/api/chat")?.body.messages.at(-1).content).toContain("Tell me a story");

  await page.reload();
  // Everything so far is shown again, once, and more keeps arriving.
  await expect(text).toContainText("word0 word1 word2");
  const seen = await lastWordOn(page);
  await expect.poll(() => lastWordOn(page), { timeout: 5_000 }).toBeGreaterThan(seen + 1);
  expect((await text.textContent())?.match(/word0 /g)).toHaveLength(1);
  await expect(page.getByTestId("run-status")).toHaveText("Running");

  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("Cancelled");
  await expect(llm.getByTestId("node-run-status")).toHaveText("Cancelled");
  // The model node was in use by the stopped llm node: it was cancelled with it.
  await expect(nodeById(page, "model").getByTestId("node-run-status")).toHaveText("Cancelled");
  // Stop ends the model's stream itself: the model server sees the app hang up before the last word.
  const chat = ollama.requests.find((each) => each.path === "/api/chat")!;
  await expect.poll(() => chat.isAbandoned).toBe(true);
  expect(await lastWordOn(page)).toBeLessThan(149);
});

test("opens a finished run from history and paints it on the canvas", async ({ page, request }) => {
  ollama.setDefault({ text: ["**Done** ", "[bad](javascript:alert(1)) ", "<b>raw</b>"] });
  const flow = await createFlow(request, "Run: history", chatGraph({ baseUrl: ollama.url }));
  await openFlowWithRun(page, flow.id);
  await startRunFromCanvas(page, "hi");
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
  // A model node used by another node is not cancelled after a successful run: it says how often it served.
  const model = nodeById(page, "model");
  await expect(model.getByTestId("node-run-status")).toHaveText("Succeeded");
  await expect(model.getByTestId("node-run-uses")).toHaveText("Used once as a model");
  const output = page.getByTestId("run-output-llm");
  await expect(output.locator(".safe-markdown strong")).toHaveText("Done");
  await expect(output.getByText("bad")).toBeVisible();
  await expect(output.locator("a")).toHaveCount(0);
  await expect(output.locator(".safe-markdown b")).toHaveCount(0);

  await page.reload();
  await expect(nodeById(page, "llm").getByTestId("node-run")).toHaveCount(0);
  await page.getByRole("button", { name: "Runs", exact: true }).click();
  await page.getByRole("list", { name: "Run history" }).getByRole("button").first().click();
  await expect(nodeById(page, "llm").getByTestId("node-run-status")).toHaveText("Succeeded");
  await expect(nodeById(page, "llm").getByTestId("node-run-text")).toContainText("Done");
  await expect(nodeById(page, "output").getByTestId("node-run-status")).toHaveText("Succeeded");
  await expect(model.getByTestId("node-run-status")).toHaveText("Succeeded");

  // Pinned, the run is kept when older runs are pruned; the mark survives a reload.
  const pin = page.getByRole("list", { name: "Run history" }).getByRole("button", { name: /^Pin the run of/ });
  await pin.click();
  await expect(page.getByRole("list", { name: "Run history" }).getByRole("button", { name: /^Unpin the run of/ })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await page.getByRole("button", { name: "Runs", exact: true }).click();
  await expect(page.getByRole("list", { name: "Run history" }).getByRole("button", { name: /^Unpin the run of/ })).toHaveAttribute("aria-pressed", "true");
});

test("a flow with errors is refused with its problems listed", async ({ page, request }) => {
  const graph = chatGraph({ baseUrl: ollama.url });
  const broken = { ...graph, edges: graph.edges.filter((edge) => edge.id !== "e-model") };
  const flow = await createFlow(request, "Run: broken", broken);
  await openFlowWithRun(page, flow.id);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run flow" }).getByRole("button", { name: "Run" }).click();
  await expect(page.getByTestId("run-refusal")).toContainText("needs a connection");
});

test("a run started right after an edit runs the edited flow", async ({ page, request }) => {
  ollama.setDefault({ text: ["Bonjour"] });
  const flow = await createFlow(request, "Run: fresh edit", chatGraph({ baseUrl: ollama.url }));
  await openFlowWithRun(page, flow.id);
  await nodeById(page, "llm").click();
  await page.getByLabel("System prompt").fill("Answer in French.");
  // No wait for autosave: starting the run saves what is on the canvas first.
  await startRunFromCanvas(page, "Hello");
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
  const chat = ollama.requests.find((each) => each.path === "/api/chat");
  expect(chat?.body.messages[0]).toMatchObject({ role: "system", content: "Answer in French." });
});
