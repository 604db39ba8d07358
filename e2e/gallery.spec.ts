// The template gallery and the home page as a newcomer meets them: find a template by search and category,
// see what it needs and whether you have it, use it and land on the canvas; then see a flow's last run on
// its home page card, and open a template from the home page.
import { expect, test } from "@playwright/test";
import { createCredential, createFlow, deleteCredential, edge, node } from "./helpers/api";
import { nodeById, startRunFromCanvas } from "./helpers/canvas";

test("search and filter the gallery, see a template's requirements, use it and land on the canvas", async ({ page, request }) => {
  await page.goto("/templates");
  const cards = page.getByTestId("template-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(12);

  await page.getByLabel("Search templates").fill("json");
  await expect(cards.filter({ hasText: "Structured extractor (JSON)" })).toBeVisible();
  await expect(cards.filter({ hasText: "Daily Brief" })).toHaveCount(0);
  await page.getByLabel("Search templates").fill("");

  await page.getByRole("group", { name: "Categories" }).getByRole("button", { name: /^Model comparison/ }).click();
  await expect(cards).toHaveCount(1);
  const comparison = cards.filter({ hasText: "Local vs cloud model" });
  const requirement = (label: string) => comparison.getByTestId("template-requirement").filter({ hasText: label });
  await expect(requirement("Ollama")).toHaveAttribute("data-state", "ready");
  await expect(requirement("Ollama")).toContainText("no key needed");
  await expect(requirement("OpenAI API key")).toHaveAttribute("data-state", "missing");
  await expect(requirement("OpenAI API key")).toContainText("no key stored");
  await expect(comparison.getByTestId("template-readiness")).toHaveText("Needs setup before it runs: see above.");

  // Once a key of that kind is stored, the card says so (and shows nothing of the key itself).
  const secret = "sk-gallery-test-9876543210";
  const credential = await createCredential(request, { name: "Gallery test key", kind: "openai", secret });
  try {
    await page.reload();
    await page.getByRole("group", { name: "Categories" }).getByRole("button", { name: /^Model comparison/ }).click();
    await expect(requirement("OpenAI API key")).toHaveAttribute("data-state", "ready");
    await expect(requirement("OpenAI API key")).toContainText("you have a stored key");
    await expect(comparison.getByTestId("template-readiness")).toHaveText("Ready to run with what you have.");
    expect(await page.content()).not.toContain(secret);
  } finally {
    await deleteCredential(request, credential.id);
  }

  await comparison.getByRole("button", { name: "Use template Local vs cloud model" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(nodeById(page, "local-model")).toBeVisible();
  await expect(nodeById(page, "cloud-model")).toBeVisible();
});

test("the home page shows a flow's card with its last run, and opens a template", async ({ page, request }) => {
  const name = `Echo ${Date.now()}`;
  const flow = await createFlow(request, name, {
    nodes: [node("in", "input", 0, 0), node("out", "output", 300, 0)],
    edges: [edge("in", "text", "out", "value")],
  });
  await page.goto("/");
  await page.getByLabel("Search flows").fill(name);
  const card = page.locator(`[data-testid="flow-row"][data-flow-id="${flow.id}"]`);
  await expect(card.getByTestId("last-run")).toHaveText("Never run");
  await expect(card.locator("svg.template-preview")).toHaveAttribute("aria-label", "Preview with 2 nodes");

  await card.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/${flow.id}$`));
  await startRunFromCanvas(page, "hello");
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", { timeout: 30_000 });

  await page.goto("/");
  await page.getByLabel("Search flows").fill(name);
  await expect(card.getByTestId("last-run")).toHaveAttribute("data-status", "succeeded");
  await expect(card.getByTestId("last-run")).toContainText(/^Last run: Succeeded · (just now|1 minute ago)$/);

  await page.getByRole("button", { name: "Start from Daily Brief" }).click();
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(nodeById(page, "calendar")).toBeVisible();
});

test("the home page imports an exported flow file, and refuses one that is not a flow", async ({ page }) => {
  await page.goto("/");
  const picker = page.getByLabel("Import a flow file");
  await picker.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ hello: "world" })) });
  await expect(page.getByRole("alert").filter({ hasText: "Import failed" })).toContainText('format must be "osmen-flow"');
  await expect(page).toHaveURL(/\/$/);

  const name = `Imported ${Date.now()}`;
  const document = {
    format: "osmen-flow",
    formatVersion: 1,
    name,
    graph: { version: 1, nodes: [node("in", "input", 0, 0), node("out", "output", 300, 0)], edges: [edge("in", "text", "out", "value")] },
  };
  await picker.setInputFiles({ name: "imported.osmen.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  await expect(page).toHaveURL(/\/flows\/[\w-]+$/);
  await expect(nodeById(page, "out")).toBeVisible();
  await page.goto("/");
  await page.getByLabel("Search flows").fill(name);
  await expect(page.getByTestId("flow-row").filter({ hasText: name })).toHaveCount(1);
});
