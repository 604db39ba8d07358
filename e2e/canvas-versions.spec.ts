import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { chainGraph, createFlow, getFlow, graphEssence, node, updateFlow } from "./helpers/api";
import { expectSaved, nodeById } from "./helpers/canvas";

test("export then import gives the same graph as a new flow", async ({ page, request }) => {
  const flow = await createFlow(request, `Export ${Date.now()}`, chainGraph());
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(5);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^export-\d+\.osmen\.json$/);
  const file = await download.path();
  const document = JSON.parse(await readFile(file, "utf8"));
  expect(document).toMatchObject({ format: "osmen-flow", formatVersion: 1, name: flow.name });

  await page.getByLabel("Import a flow file").setInputFiles(file);
  await expect(page).not.toHaveURL(new RegExp(`/flows/${flow.id}$`));
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  const importedId = new URL(page.url()).pathname.split("/").at(-1)!;
  const imported = await getFlow(request, importedId);
  expect(graphEssence(imported.graph)).toEqual(graphEssence(flow.graph));
});

test("an invalid import says why and creates nothing", async ({ page, request }) => {
  const flow = await createFlow(request, `Bad import ${Date.now()}`);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("flow-editor")).toBeVisible();
  const bad = { format: "something-else", formatVersion: 1, name: "x", graph: { version: 1, nodes: [], edges: [] } };
  await page.getByLabel("Import a flow file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByRole("alert").filter({ hasText: "Import failed" })).toContainText("format");
  await page.getByLabel("Import a flow file").setInputFiles({ name: "bad.txt", mimeType: "text/plain", buffer: Buffer.from("not json") });
  await expect(page.getByRole("alert").filter({ hasText: "Import failed" })).toContainText("not a JSON file");
  await expect(page).toHaveURL(new RegExp(`/flows/${flow.id}$`));
});

test("a version can be previewed read-only and restored as a new version", async ({ page, request }) => {
  const first = await createFlow(request, `Versions ${Date.now()}`, { version: 1, nodes: [node("first", "input", 0, 0)], edges: [] });
  const second = await updateFlow(request, { id: first.id, version: first.version, graph: { version: 1, nodes: [node("second", "output", 0, 0)], edges: [] } });
  await page.goto(`/flows/${first.id}`);
  await expect(nodeById(page, "second")).toBeVisible();

  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("complementary", { name: "Version history" });
  await expect(history.getByTestId("version-row")).toHaveCount(1);
  await history.getByRole("button", { name: `Preview version ${first.version}` }).click();
  const preview = page.getByRole("dialog", { name: /read-only preview/ });
  await expect(preview.locator('.react-flow__node[data-id="first"]')).toBeVisible();
  await expect(preview.getByRole("button", { name: /^Add / })).toHaveCount(0);
  await preview.getByRole("button", { name: "Restore this version" }).click();

  await expect(preview).toBeHidden();
  await expect(nodeById(page, "first")).toBeVisible();
  await expect(nodeById(page, "second")).toHaveCount(0);
  await expectSaved(page);
  const restored = await getFlow(request, first.id);
  expect(restored.version).toBe(second.version + 1);
  expect(restored.graph.nodes.map((each) => each.id)).toEqual(["first"]);
  await expect(history.getByTestId("version-row")).toHaveCount(2);
});
