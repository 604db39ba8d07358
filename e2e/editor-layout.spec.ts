// The editor's layout at a laptop's window size: every fitted template reads at 12 px or more on screen, the
// run panel resizes by keyboard, collapses and keeps its size, and the minimap never covers a node.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createFlowFromTemplate } from "./helpers/api";

test.use({ viewport: { width: 1440, height: 900 } });

/** The canvas zoom, read from the transform xyflow puts on its viewport. */
async function canvasZoom(page: Page): Promise<number> {
  return page.locator(".react-flow__viewport").evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).a);
}

/** Waits until the canvas has stopped moving (fitView after measuring, or after a panel changed size). */
async function settledZoom(page: Page): Promise<number> {
  let previous = "";
  await expect
    .poll(
      async () => {
        const transform = await page.locator(".react-flow__viewport").evaluate((element) => getComputedStyle(element).transform);
        const isSettled = transform === previous && transform !== "none";
        previous = transform;
        return isSettled;
      },
      { intervals: [300] },
    )
    .toBe(true);
  return canvasZoom(page);
}

async function openTemplate(page: Page, request: Parameters<typeof createFlowFromTemplate>[0], id = "daily-brief") {
  const flow = await createFlowFromTemplate(request, id);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(flow.graph.nodes.length);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
}

const height = async (locator: Locator) => (await locator.boundingBox())?.height ?? 0;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const nodeBoxes = (page: Page) => page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as Box));

// Every template of the gallery, by its file name (lib/templates/<id>.json).
const templateIds = readdirSync(join(process.cwd(), "lib", "templates"))
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.replace(/\.json$/, ""));

test("every template, fitted, has node faces that read at 12 px or more on screen and do not overlap", async ({ page, request }) => {
  test.setTimeout(180_000);
  expect(templateIds).toContain("daily-brief");
  for (const id of templateIds) {
    await openTemplate(page, request, id);
    await page.getByRole("toolbar", { name: "Flow editor" }).getByRole("button", { name: "Fit view" }).click();
    const zoom = await settledZoom(page);
    // Every element that shows text of its own, with its on-screen size: CSS font size times the zoom.
    const sizes = await page.locator(".flow-node").evaluateAll((faces) =>
      faces.flatMap((face) =>
        [face, ...face.querySelectorAll("*")]
          .filter((element) => [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.trim()))
          .map((element) => ({ text: element.textContent?.trim().slice(0, 30), fontPx: Number.parseFloat(getComputedStyle(element).fontSize) })),
      ),
    );
    expect(sizes.length).toBeGreaterThan(10);
    const tooSmall = sizes.filter((each) => each.fontPx * zoom < 12).map((each) => `${each.text} (${(each.fontPx * zoom).toFixed(1)} px)`);
    expect(tooSmall, `${id} at zoom ${zoom.toFixed(2)}`).toEqual([]);
    // Each kind shows its icon, and the layout keeps faces apart.
    await expect(page.locator(".flow-node .flow-node-icon:not([data-icon='unknown'])")).toHaveCount(await page.locator(".flow-node").count());
    const boxes = await nodeBoxes(page);
    const overlapping = boxes.flatMap((box, index) => boxes.slice(index + 1).filter((other) => overlaps(box, other)).map(() => index));
    expect(overlapping, `${id}: overlapping nodes`).toEqual([]);
  }
});

test("the run panel resizes by keyboard, collapses, keeps its size, and the minimap never covers a node", async ({ page, request }) => {
  await openTemplate(page, request);
  await settledZoom(page);
  await page.getByRole("button", { name: "Runs" }).click();
  const panel = page.getByTestId("run-panel");
  await expect(panel).toBeVisible();

  // After the panel opens, the canvas re-fits with room for the minimap: no node lies under it.
  await settledZoom(page);
  const minimap = await page.locator(".react-flow__minimap").boundingBox();
  expect(minimap).not.toBeNull();
  for (const box of await nodeBoxes(page)) {
    expect(overlaps(box, minimap!), `node at ${JSON.stringify(box)} under the minimap at ${JSON.stringify(minimap)}`).toBe(false);
  }

  const separator = page.getByRole("separator", { name: "Resize run panel" });
  const before = await height(panel);
  await separator.focus();
  for (let step = 0; step < 5; step += 1) await page.keyboard.press("ArrowUp");
  await expect.poll(() => height(panel)).toBeGreaterThan(before + 20);
  const grown = await height(panel);

  await panel.getByRole("button", { name: "Collapse run panel" }).click();
  await expect.poll(() => height(panel)).toBeLessThan(60);
  await expect(panel.getByRole("button", { name: "Expand run panel" })).toHaveAttribute("aria-expanded", "false");
  await panel.getByRole("button", { name: "Expand run panel" }).click();
  await expect.poll(() => height(panel)).toBeGreaterThan(grown - 2);

  // The size is remembered across a reload.
  await page.reload();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.getByRole("button", { name: "Runs" }).click();
  await expect.poll(() => height(panel)).toBeGreaterThan(grown - 2);
  await expect.poll(() => height(panel)).toBeLessThan(grown + 2);

  // The playground beside the canvas resizes by keyboard too, and the canvas still keeps clear of the minimap.
  await page.getByRole("button", { name: "Playground", exact: true }).click();
  const playground = page.getByTestId("playground");
  await expect(playground).toBeVisible();
  // Measured on the panel slot: the playground's own padding keeps some width even when folded.
  const width = async () => (await page.locator("#playground-slot").boundingBox())?.width ?? 0;
  const narrow = await width();
  await page.getByRole("separator", { name: "Resize playground" }).focus();
  for (let step = 0; step < 5; step += 1) await page.keyboard.press("ArrowLeft");
  await expect.poll(width).toBeGreaterThan(narrow + 20);
  await settledZoom(page);
  // Dragged (here: keyed) shut, it folds away; the toolbar's Playground button brings it back unfolded.
  for (let step = 0; step < 60; step += 1) await page.keyboard.press("ArrowRight");
  await expect.poll(width).toBeLessThan(5);
  await page.getByRole("button", { name: "Playground", exact: true }).click();
  await expect(page.getByRole("region", { name: "Playground" })).toHaveCount(0);
  await page.getByRole("button", { name: "Playground", exact: true }).click();
  await expect.poll(width).toBeGreaterThan(200);
  await settledZoom(page);
  const minimapNow = await page.locator(".react-flow__minimap").boundingBox();
  for (const box of await nodeBoxes(page)) expect(overlaps(box, minimapNow!)).toBe(false);

  // The minimap can be hidden.
  await page.getByRole("button", { name: "Hide mini map" }).click();
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await page.getByRole("button", { name: "Show mini map" }).click();
  await expect(page.getByRole("img", { name: "Mini map" })).toBeVisible();
});
