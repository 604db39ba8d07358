// Canvas gestures for browser tests: locate nodes and ports the way xyflow renders them.
import { expect, type Locator, type Page } from "@playwright/test";

export const nodeById = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/**
 * Clicks a node by its title (its middle may hold a run's output, whose controls keep the click to themselves)
 * and waits until the canvas has selected it, so a key pressed next acts on it.
 */
export async function selectNode(page: Page, id: string) {
  await nodeById(page, id).locator(".flow-node-title").click();
  await expect(nodeById(page, id)).toHaveClass(/\bselected\b/);
}

export const handleOf = (page: Page, nodeId: string, port: string, side: "source" | "target") =>
  nodeById(page, nodeId).locator(`.react-flow__handle.${side}[data-handleid="${port}"]`);

/** Starts a run as a person does: Ctrl+Enter on the canvas, the input typed into the Run dialog, Enter. */
export async function startRunFromCanvas(page: Page, input: string): Promise<void> {
  await page.locator(".react-flow__pane").click();
  await page.keyboard.press("Control+Enter");
  const dialog = page.getByRole("dialog", { name: "Run flow" });
  await dialog.getByLabel("Input").fill(input);
  await dialog.getByLabel("Input").press("Enter");
  await expect(dialog).toBeHidden();
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * The elements' boxes once none of them moves any more (the canvas fits its view after nodes are measured).
 * Read together: a box read before another element settled may be stale by the time that one has.
 */
async function settledBoxes(locators: Locator[]): Promise<Box[]> {
  // xyflow keeps nodes hidden until measured, then fits the view: wait for both before trusting a box.
  for (const locator of locators) await expect(locator).toBeVisible();
  const isSame = (box: Box | null, before: Box | null | undefined) =>
    box !== null && before !== null && before !== undefined && box.x === before.x && box.y === before.y && box.width === before.width;
  let previous: (Box | null)[] | null = null;
  await expect
    .poll(async () => {
      const boxes = await Promise.all(locators.map((locator) => locator.boundingBox()));
      const isSettled = previous !== null && boxes.every((box, index) => isSame(box, previous![index]));
      previous = boxes;
      return isSettled;
    }, { intervals: [250] })
    .toBe(true);
  return previous! as Box[];
}

/** Drags from one handle to another with real pointer moves, as a person would. */
export async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const [start, end] = await settledBoxes([from, to]);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.up();
}

export async function connect(page: Page, source: [string, string], target: [string, string]): Promise<void> {
  await dragBetween(page, handleOf(page, source[0], source[1], "source"), handleOf(page, target[0], target[1], "target"));
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
}

/** Node ids on the canvas, in DOM order. */
export async function canvasNodeIds(page: Page): Promise<string[]> {
  return page.locator(".react-flow__node").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-id") ?? ""));
}
