import { expect, test } from "@playwright/test";
import { createFlow } from "./helpers/api";
import { insertUser } from "./helpers/users";

test("the owner adds a person by email, changes their role and removes them; an unknown email is refused", async ({ page, request }) => {
  const flow = await createFlow(request, `People ${Date.now()}`);
  const email = `bo-${Date.now()}@example.test`;
  insertUser("Bo Member", email);

  await page.goto(`/flows/${flow.id}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this flow" });
  const people = dialog.getByRole("region", { name: "People" });
  await expect(people.getByText("Only you have access.")).toBeVisible();

  await people.getByLabel("Email").fill("nobody@example.test");
  await people.getByRole("button", { name: "Add" }).click();
  await expect(people.getByRole("alert")).toContainText("nobody@example.test");
  await expect(people.getByTestId("flow-member-row")).toHaveCount(0);

  await people.getByLabel("Email").fill(email);
  await people.getByLabel("Role for the new person").selectOption("viewer");
  await people.getByRole("button", { name: "Add" }).click();
  const row = people.getByTestId("flow-member-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Bo Member");
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("viewer");

  await row.getByLabel(`Role of ${email}`).selectOption("editor");
  await page.reload();
  await page.getByRole("button", { name: "Share" }).click();
  const reopened = page.getByRole("dialog", { name: "Share this flow" }).getByRole("region", { name: "People" });
  await expect(reopened.getByLabel(`Role of ${email}`)).toHaveValue("editor");

  await reopened.getByRole("button", { name: `Remove ${email}` }).click();
  await expect(reopened.getByTestId("flow-member-row")).toHaveCount(0);
  await expect(reopened.getByText("Only you have access.")).toBeVisible();
});
