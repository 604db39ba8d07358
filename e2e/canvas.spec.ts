import { expect, test } from "@playwright/test";
import { chainGraph, createFlow, edge, getFlow, node } from "./helpers/api";
import { canvasNodeIds, connect, expectSaved, handleOf, nodeById, selectNode } from "./helpers/canvas";

test("build a flow from the palette: add, connect, refuse, edit, save and reload", async ({ page, request }) => {
  const flow = await createFlow(request, `Canvas build ${Date.now()}`);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByRole("navigation", { name: "Node palette" })).toBeVisible();

  await page.getByRole("button", { name: "Add Input" }).click();
  await page.getByRole("button", { name: "Add Output" }).click();
  await page.getByLabel("Search nodes").fill("llm");
  await expect(page.getByRole("button", { name: "Add Output" })).toBeHidden();
  await page.getByRole("button", { name: "Add LLM" }).click();
  await page.getByLabel("Search nodes").fill("");
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
  const [inputId, outputId, llmId] = await canvasNodeIds(page);
  expect(inputId).toMatch(/^input-/);
  await expect(nodeById(page, inputId!).getByRole("group", { name: /^Input: / })).toBeVisible();

  await connect(page, [inputId!, "text"], [outputId!, "value"]);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

  // Text into a model port is refused on the spot, and the reason is shown.
  await connect(page, [inputId!, "text"], [llmId!, "model"]);
  await expect(page.getByTestId("editor-notice")).toContainText('Connection refused: Input "Text" gives text, but LLM "Model" takes model.');
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

  // Dragging from the palette adds a node where it is dropped.
  await page.getByRole("button", { name: "Add Calculator" }).dragTo(page.locator(".react-flow__pane"), { targetPosition: { x: 120, y: 420 } });
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  expect((await canvasNodeIds(page))[3]).toMatch(/^tool-calculator-/);

  await nodeById(page, inputId!).click();
  await page.getByRole("complementary", { name: "Inspector" }).getByLabel("Default value").fill("Hello canvas");
  await expect(nodeById(page, inputId!)).toContainText("default: Hello canvas");

  // Inline validation: the kind's zod schema explains what is wrong, next to the field.
  await nodeById(page, outputId!).click();
  const outputName = page.getByRole("complementary", { name: "Inspector" }).getByLabel("Name", { exact: true });
  await outputName.fill("");
  await expect(outputName).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("complementary", { name: "Inspector" }).getByRole("alert")).toBeVisible();
  await outputName.fill("answer");
  await expect(outputName).not.toHaveAttribute("aria-invalid", "true");

  await expectSaved(page);
  await expect.poll(async () => (await getFlow(request, flow.id)).graph.nodes.length).toBe(4);
  const saved = await getFlow(request, flow.id);
  expect(saved.graph.edges).toEqual([expect.objectContaining({ source: inputId, sourceHandle: "text", target: outputId, targetHandle: "value" })]);
  expect(saved.graph.nodes.find((each) => each.id === inputId)?.data.config).toMatchObject({ defaultValue: "Hello canvas" });

  await page.reload();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  await expect(nodeById(page, inputId!)).toContainText("default: Hello canvas");
  await expect(nodeById(page, outputId!)).toContainText("answer");
});

test("undo and redo, by keyboard and by button", async ({ page, request }) => {
  const flow = await createFlow(request, `Canvas undo ${Date.now()}`, chainGraph());
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(5);

  await selectNode(page, "prompt");
  await page.keyboard.press("Delete");
  await expect(nodeById(page, "prompt")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  await page.keyboard.press("ControlOrMeta+z");
  await expect(nodeById(page, "prompt")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(nodeById(page, "prompt")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(nodeById(page, "prompt")).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(nodeById(page, "prompt")).toHaveCount(0);

  await expectSaved(page);
  await expect.poll(async () => (await getFlow(request, flow.id)).graph.nodes.map((each) => each.id).sort()).toEqual(["in", "llm", "model", "out"]);
});

test("select all, copy and paste, duplicate", async ({ page, request }) => {
  const graph = { version: 1, nodes: [node("in", "input", 0, 0), node("out", "output", 300, 0)], edges: [edge("in", "text", "out", "value")] };
  const flow = await createFlow(request, `Canvas clipboard ${Date.now()}`, graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(2);

  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("ControlOrMeta+a");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // The pasted copy sits 40px down and right, so click the original's top-left corner.
  await nodeById(page, "in").click({ position: { x: 6, y: 6 } });
  await page.keyboard.press("ControlOrMeta+d");
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  await expectSaved(page);
  await expect.poll(async () => (await getFlow(request, flow.id)).graph.nodes.length).toBe(5);
});

test("an input that takes one edge replaces its old edge", async ({ page, request }) => {
  const graph = { version: 1, nodes: [node("a", "input", 0, 0), node("p", "prompt", 0, 220), node("out", "output", 400, 100)], edges: [edge("a", "text", "out", "value")] };
  const flow = await createFlow(request, `Canvas single edge ${Date.now()}`, graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(handleOf(page, "out", "value", "target")).toBeVisible();
  await connect(page, ["p", "text"], ["out", "value"]);
  await expectSaved(page);
  await expect.poll(async () => (await getFlow(request, flow.id)).graph.edges.map((each) => each.source)).toEqual(["p"]);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
});

test("compiler diagnostics and the plan's pattern show up as you edit", async ({ page, request }) => {
  const flow = await createFlow(request, `Canvas diagnostics ${Date.now()}`, chainGraph());
  // The compiler runs in the page: editing posts the graph once, to the autosave, whose answer is its new version.
  const compiles: string[] = [];
  const saves: unknown[] = [];
  page.on("request", (sent) => {
    if (/\/api\/trpc\/[^?]*flow\.compile/.test(sent.url())) compiles.push(sent.url());
  });
  page.on("response", async (answer) => {
    // A batched call answers one entry per procedure named in its path.
    const procedures = decodeURIComponent(new URL(answer.url()).pathname.split("/api/trpc/")[1] ?? "").split(",");
    const index = procedures.indexOf("flow.update");
    if (index >= 0) saves.push(((await answer.json()) as { result: { data: { json: object } } }[])[index]!.result.data.json);
  });
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("plan-summary")).toContainText("Pattern: SEQUENTIAL");
  await expect(page.getByTestId("plan-summary")).toContainText("0 errors, 0 warnings");

  await page.getByRole("button", { name: "Add LLM" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(6);
  const [llmId] = (await canvasNodeIds(page)).filter((id) => id.startsWith("llm-"));
  await expect(nodeById(page, llmId!).getByTestId("node-diagnostics")).toContainText("does not lead to an Output node");
  await expect(nodeById(page, llmId!).locator(".flow-node")).toHaveClass(/has-warning/);
  await expect(page.getByTestId("plan-summary")).toContainText("1 warning");

  await page.keyboard.press("Delete");
  await expect(page.getByTestId("plan-summary")).toContainText("0 errors, 0 warnings");
  await expectSaved(page);
  expect(compiles).toEqual([]);
  await expect.poll(() => saves.length).toBeGreaterThan(0);
  for (const saved of saves) expect(Object.keys(saved as object).sort()).toEqual(["updatedAt", "version"]);
});
