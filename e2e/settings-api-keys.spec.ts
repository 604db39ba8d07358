import { expect, test } from "@playwright/test";

test("an API key is created with a scope, listed with it, and authenticates against the HTTP API", async ({ page, request }) => {
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "API keys" });
  const name = `runner-${Date.now()}`;
  await section.getByLabel("Key name").fill(name);
  await section.getByLabel("Scope").selectOption("run");
  await section.getByRole("button", { name: "Create key" }).click();
  const key = (await section.getByTestId("new-api-key").locator("code").textContent())!;
  expect(key).toMatch(/^osm_/);
  const row = section.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row.getByTestId("api-key-scope")).toHaveText("Run flows only");

  // A run-scoped key may read runs: an unknown run is 404, not 401 or 403.
  const withKey = await request.get("/api/v1/runs/no-such-run", { headers: { authorization: `Bearer ${key}` } });
  expect(withKey.status()).toBe(404);
  const withoutKey = await request.get("/api/v1/runs/no-such-run", { headers: { authorization: "Bearer osm_wrong" } });
  expect(withoutKey.status()).toBe(401);
});
