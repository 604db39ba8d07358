import { expect, test } from "@playwright/test";
import { createFlow, createShareLink, node, revokeShareLink } from "./helpers/api";

const secretGraph = () => ({
  version: 1,
  nodes: [node("model", "provider.openai", 0, 0, { model: "gpt-test", credentialId: "cred-secret-123" }), node("out", "output", 300, 0)],
  edges: [],
});

test("the owner creates a link; a visitor in a fresh context sees the flow read-only and can duplicate it", async ({ page, browser, request }) => {
  const flow = await createFlow(request, `Shared ${Date.now()}`, secretGraph());
  await page.goto(`/flows/${flow.id}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this flow" });
  await dialog.getByRole("button", { name: "Create a link" }).click();
  const link = await dialog.getByTestId("created-share-link").inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByTestId("share-link-row")).toHaveCount(1);

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(link);
  await expect(visitorPage.getByRole("heading", { name: flow.name })).toBeVisible();
  const modelNode = visitorPage.locator('.react-flow__node[data-id="model"]');
  await expect(modelNode).toBeVisible();
  await expect(visitorPage.getByRole("button", { name: /^Add / })).toHaveCount(0);
  await expect(visitorPage.getByRole("button", { name: "Share" })).toHaveCount(0);

  // Inspecting works, editing does not, and the credential reference never reached the visitor.
  await modelNode.click();
  const inspector = visitorPage.getByRole("complementary", { name: "Inspector" });
  await expect(inspector.getByLabel("Model", { exact: true })).toHaveValue("gpt-test");
  await expect(inspector.getByLabel("Model", { exact: true })).toBeDisabled();
  await expect(inspector.getByLabel("Credential")).toHaveValue("");
  expect(await visitorPage.content()).not.toContain("cred-secret-123");
  await visitorPage.keyboard.press("Delete");
  await expect(modelNode).toBeVisible();
  await expect(modelNode).not.toHaveClass(/draggable/);

  await visitorPage.getByRole("button", { name: "Duplicate into my flows" }).click();
  await expect(visitorPage).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(visitorPage.locator('.react-flow__node[data-id="model"]')).toBeVisible();
  expect(visitorPage.url()).not.toContain(flow.id);
  await visitor.close();
});

test("a revoked link and an unknown link show the not-found page", async ({ page, browser, request }) => {
  const flow = await createFlow(request, `Revoked ${Date.now()}`, secretGraph());
  const link = await createShareLink(request, flow.id);
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(link.path);
  await expect(visitorPage.locator('.react-flow__node[data-id="out"]')).toBeVisible();

  // Revoked from the owner's dialog.
  await page.goto(`/flows/${flow.id}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this flow" });
  await dialog.getByRole("button", { name: `Revoke link ${link.token.slice(0, 6)}` }).click();
  await expect(dialog.getByTestId("share-link-row")).toContainText("revoked");

  await visitorPage.reload();
  await expect(visitorPage.getByRole("heading", { name: "Shared flow not found" })).toBeVisible();
  await expect(visitorPage.locator(".react-flow__node")).toHaveCount(0);

  await visitorPage.goto(`/share/${"x".repeat(43)}`);
  await expect(visitorPage.getByRole("heading", { name: "Shared flow not found" })).toBeVisible();
  await visitorPage.goto("/share/not-a-token");
  await expect(visitorPage.getByRole("heading", { name: "Shared flow not found" })).toBeVisible();
  await revokeShareLink(request, link.id);
  await visitor.close();
});
