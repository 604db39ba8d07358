import { expect, test } from "@playwright/test";

test("a flow created on the home page is still listed after a reload", async ({ page }) => {
  const name = `Morning brief ${Date.now()}`;
  await page.goto("/");
  await page.getByLabel("New flow").fill(name);
  await page.getByRole("button", { name: "Create flow" }).click();

  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  const flowUrl = page.url();

  await page.goto("/");
  await page.reload();
  const link = page.getByRole("link", { name });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(flowUrl);
});

test("an empty name is refused with a message and creates nothing", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("Loading flows…")).toBeHidden();
  const rowsBefore = await page.getByTestId("flow-row").count();
  await page.getByRole("button", { name: "Create flow" }).click();
  await expect(page.getByRole("form", { name: "Create a flow" }).getByRole("alert")).toContainText("name must not be empty");
  await page.reload();
  await expect(page.getByTestId("flow-row")).toHaveCount(rowsBefore);
});

test("the health probe reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", db: "ok" });
});
