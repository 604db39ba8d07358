// Accounts mode in a real browser: the first sign-up becomes the admin, sign-out ends the session, sign-in
// returns to the page that asked for it. Runs against the accounts-mode server (playwright.config.ts).
import { expect, test } from "@playwright/test";
import { admin, signIn } from "./helpers/accounts";

const guest = { email: "guest@example.com", password: "a guest's long password" };

test.describe.serial("accounts", () => {
  test("a signed-out browser is sent to sign-in, remembering the page", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("the first sign-up is the admin and lands signed in", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Flows" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText(admin.email);
    await expect(page.getByRole("link", { name: "Admin" })).toBeVisible();

    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByTestId("user-row")).toHaveCount(1);
    await expect(page.getByTestId("user-row")).toContainText("admin");
  });

  test("a second sign-up without an invitation is refused", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("stranger@example.com");
    await page.getByLabel("Password").fill("another long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("invitation");
  });

  test("sign out, then sign in again and return to the page asked for", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText(admin.email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);

    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/invalid email or password/i);

    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  });

  test("the admin invites someone by link, then disables them and they are signed out", async ({ page, browser }) => {
    await signIn(page, admin);
    await page.goto("/admin");
    await page.getByLabel("Email").fill(guest.email);
    await page.getByRole("button", { name: "Invite" }).click();
    const link = (await page.getByTestId("invitation-link").locator("code").textContent())!;
    expect(new URL(link).pathname).toBe("/sign-up");

    const guestContext = await browser.newContext();
    const guestPage = await guestContext.newPage();
    await guestPage.goto(link);
    await expect(guestPage.getByLabel("Email")).toHaveValue(guest.email);
    await guestPage.getByLabel("Password").fill(guest.password);
    await guestPage.getByRole("button", { name: "Create account" }).click();
    await expect(guestPage.getByTestId("signed-in-as")).toHaveText(guest.email);
    await expect(guestPage.getByRole("link", { name: "Admin" })).toHaveCount(0);

    await page.reload();
    const guestRow = page.getByTestId("user-row").filter({ hasText: guest.email });
    page.once("dialog", (dialog) => dialog.accept());
    await guestRow.getByRole("button", { name: "Disable" }).click();
    await expect(guestRow).toContainText("disabled");

    await guestPage.goto("/settings");
    await expect(guestPage).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
    await guestContext.close();
  });
});
