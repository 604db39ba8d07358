import { expect, test } from "@playwright/test";
import { createFlow, getFlow } from "./helpers/api";

test("rename, duplicate and delete a flow from the home page", async ({ page, request }) => {
  const name = `Home actions ${Date.now()}`;
  const flow = await createFlow(request, name);
  await page.goto("/");
  await page.getByLabel("Search flows").fill(name);
  const row = page.locator(`[data-testid="flow-row"][data-flow-id="${flow.id}"]`);
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Rename ${name}` }).click();
  await row.getByLabel("Flow name").fill(`${name} renamed`);
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("link", { name: `${name} renamed` })).toBeVisible();
  expect((await getFlow(request, flow.id)).name).toBe(`${name} renamed`);

  await row.getByRole("button", { name: `Duplicate ${name} renamed` }).click();
  await expect(page.getByRole("link", { name: `${name} renamed (copy)` })).toBeVisible();

  // Deleting asks first; dismissing keeps the flow, accepting removes it.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await row.getByRole("button", { name: `Delete ${name} renamed` }).click();
  await expect(row).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Delete ${name} renamed` }).click();
  await expect(row).toHaveCount(0);
  await page.reload();
  await page.getByLabel("Search flows").fill(name);
  await expect(page.getByRole("link", { name: `${name} renamed (copy)` })).toBeVisible();
  await expect(page.locator(`[data-testid="flow-row"][data-flow-id="${flow.id}"]`)).toHaveCount(0);
});
