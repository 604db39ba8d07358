import { expect, test, type Page } from "@playwright/test";
import { createFlow, getFlow, node } from "./helpers/api";
import { expectSaved } from "./helpers/canvas";

async function addNode(page: Page, title: string) {
  const before = await page.locator(".react-flow__node").count();
  await page.getByRole("button", { name: `Add ${title}` }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(before + 1);
}

async function openTwice(browser: import("@playwright/test").Browser, flowId: string) {
  const pages = await Promise.all([browser.newPage(), browser.newPage()]);
  for (const page of pages) {
    await page.goto(`/flows/${flowId}`);
    await expect(page.locator(".react-flow__node")).toHaveCount(1);
  }
  return pages as [Page, Page];
}

test("two pages editing one flow end in a visible conflict; keep mine saves mine", async ({ browser, request }) => {
  const flow = await createFlow(request, `Conflict ${Date.now()}`, { version: 1, nodes: [node("in", "input", 0, 0)], edges: [] });
  const [first, second] = await openTwice(browser, flow.id);

  await addNode(first, "Output");
  await expectSaved(first);
  await expect.poll(async () => (await getFlow(request, flow.id)).version).toBe(flow.version + 1);

  await addNode(second, "LLM");
  await expect(second.getByTestId("save-status")).toHaveText("Conflict");
  await expect(second.getByTestId("conflict-banner")).toBeVisible();
  // Nothing was overwritten: the server still has the first page's graph.
  expect((await getFlow(request, flow.id)).graph.nodes.map((each) => each.type).sort()).toEqual(["input", "output"]);

  await second.getByRole("button", { name: "Keep mine" }).click();
  await expectSaved(second);
  await expect.poll(async () => (await getFlow(request, flow.id)).graph.nodes.map((each) => each.type).sort()).toEqual(["input", "llm"]);
  await Promise.all([first.close(), second.close()]);
});

test("reload theirs replaces the canvas with the other page's graph", async ({ browser, request }) => {
  const flow = await createFlow(request, `Conflict reload ${Date.now()}`, { version: 1, nodes: [node("in", "input", 0, 0)], edges: [] });
  const [first, second] = await openTwice(browser, flow.id);

  await addNode(first, "Output");
  await expectSaved(first);
  await expect.poll(async () => (await getFlow(request, flow.id)).version).toBe(flow.version + 1);
  await addNode(second, "LLM");
  await expect(second.getByTestId("conflict-banner")).toBeVisible();

  await second.getByRole("button", { name: "Reload theirs" }).click();
  await expectSaved(second);
  await expect(second.locator(".react-flow__node")).toHaveCount(2);
  await expect(second.locator('.react-flow__node-output')).toHaveCount(1);
  await expect(second.locator('.react-flow__node-llm')).toHaveCount(0);
  await Promise.all([first.close(), second.close()]);
});
