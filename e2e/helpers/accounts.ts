// Accounts made through the real pages of the accounts-mode server: the first sign-up is the admin, who invites
// everyone else by link. Each person gets a browser context of their own, so their sessions never mix.
import { expect, type Browser, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

/** The server's first account: e2e/accounts.spec.ts signs it up; a spec run on its own signs it up itself. */
export const admin: Account = { name: "Ada", email: "admin@example.com", password: "correct horse battery" };

/** Signs in through the sign-in page and waits until the header names the account. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.email);
}

/** A page signed in as the admin, in a new context: signs in, or signs up first when the server has no account yet. */
export async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const signedIn = page.getByTestId("signed-in-as");
  const refused = page.getByRole("main").getByRole("alert");
  await expect(signedIn.or(refused)).toBeVisible();
  if (await refused.isVisible()) {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create account" }).click();
  }
  await expect(signedIn).toHaveText(admin.email);
  return page;
}

/** The admin invites `account` from /admin; the person signs up through the link, in a new context of their own. */
export async function invitedPage(browser: Browser, adminSession: Page, account: Account): Promise<Page> {
  await adminSession.goto("/admin");
  await adminSession.getByLabel("Email").fill(account.email);
  await adminSession.getByRole("button", { name: "Invite" }).click();
  const link = (await adminSession.getByTestId("invitation-link").locator("code").textContent())!;

  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.email);
  return page;
}
