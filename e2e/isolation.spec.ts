// Accounts mode in a real browser: one person's flows are invisible to another until shared; a viewer can open,
// run and duplicate a shared flow but never save it; an editor's changes are saved; a share link's visitor sees
// that flow and nothing else. Runs against the accounts-mode server (playwright.config.ts).
import { expect, test, type Page } from "@playwright/test";
import { chatGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { adminPage, invitedPage, type Account } from "./helpers/accounts";
import { createFlow, createShareLink, getFlow, graphEssence, updateFlow, type SeededFlow } from "./helpers/api";
import { nodeById, selectNode, startRunFromCanvas } from "./helpers/canvas";

const stamp = Date.now();
const bo: Account = { name: "Bo", email: `bo-${stamp}@example.com`, password: "bo's own long password" };

let ollama: ScriptedServer;
let owner: Page;
let other: Page;

/** A tRPC call answered as the server answers it, status and error code included. */
async function rawCall(page: Page, kind: "query" | "mutation", path: string, input: unknown) {
  const response =
    kind === "mutation"
      ? await page.request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { "sec-fetch-site": "same-origin" } })
      : await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await response.json()) as { error?: { json: { data: { code: string } } } };
  return { status: response.status(), code: body.error?.json.data.code };
}

/** What must not move when someone without the right touches a flow: its version, name and graph. */
const stateOf = (flow: SeededFlow) => ({ version: flow.version, name: flow.name, graph: graphEssence(flow.graph) });

/** The URLs of the save and restore requests a page sends, collected from now on. */
function recordWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/trpc\/[^?]*flow\.(update|restoreVersion)/.test(request.url())) writes.push(request.url());
  });
  return writes;
}

async function shareWithBo(flowId: string, role: "viewer" | "editor") {
  await owner.goto(`/flows/${flowId}`);
  await owner.getByRole("button", { name: "Share" }).click();
  const people = owner.getByRole("dialog", { name: "Share this flow" }).getByRole("region", { name: "People" });
  await people.getByLabel("Email").fill(bo.email);
  await people.getByLabel("Role for the new person").selectOption(role);
  await people.getByRole("button", { name: "Add" }).click();
  await expect(people.getByTestId("flow-member-row")).toContainText(bo.name);
  return people;
}

test.describe.serial("accounts: isolation and sharing", () => {
  test.beforeAll(async ({ browser }) => {
    ollama = await startOllamaServer();
    owner = await adminPage(browser);
    other = await invitedPage(browser, owner, bo);
  });
  test.afterAll(async () => {
    await owner?.context().close();
    await other?.context().close();
    await ollama?.close();
  });

  test("another person's flow is invisible on the home page, on its own page and through the API", async () => {
    const flow = await createFlow(owner.request, `Private ${stamp}`, chatGraph({ baseUrl: ollama.url }));
    const own = await createFlow(other.request, `Bo's own ${stamp}`);

    await other.goto("/");
    await expect(other.getByRole("link", { name: own.name })).toBeVisible();
    await expect(other.getByTestId("flow-row")).toHaveCount(1);
    await expect(other.getByRole("link", { name: flow.name })).toHaveCount(0);

    await other.goto(`/flows/${flow.id}`);
    await expect(other.getByRole("main").getByRole("alert")).toContainText("This flow does not exist");
    await expect(other.getByTestId("flow-editor")).toHaveCount(0);

    expect(await rawCall(other, "query", "flow.get", { id: flow.id })).toEqual({ status: 404, code: "NOT_FOUND" });
    expect(await rawCall(other, "query", "flow.versions", { id: flow.id })).toEqual({ status: 404, code: "NOT_FOUND" });
    const writes: Array<[string, unknown]> = [
      ["flow.update", { id: flow.id, version: flow.version, graph: { ...flow.graph, nodes: flow.graph.nodes.slice(1), edges: [] } }],
      ["flow.rename", { id: flow.id, name: "Taken over" }],
      ["flow.duplicate", { id: flow.id }],
      ["flow.delete", { id: flow.id }],
      ["share.create", { flowId: flow.id }],
      ["run.start", { flowId: flow.id, input: "hi" }],
    ];
    for (const [path, input] of writes) expect({ path, ...(await rawCall(other, "mutation", path, input)) }).toEqual({ path, status: 404, code: "NOT_FOUND" });

    expect(stateOf(await getFlow(owner.request, flow.id))).toEqual(stateOf(flow));
    expect(ollama.requests).toEqual([]);
    await other.goto("/");
    await expect(other.getByRole("link", { name: own.name })).toBeVisible();
    await expect(other.getByTestId("flow-row")).toHaveCount(1);
  });

  test("a viewer sees the shared flow marked, runs it and duplicates it, but nothing they change is saved", async () => {
    ollama.setDefault({ text: ["Shared ", "answer"] });
    const created = await createFlow(owner.request, `Shared ${stamp}`, chatGraph({ baseUrl: ollama.url }));
    // One earlier version, so the history has something to offer.
    const moved = created.graph.nodes.map((each) => (each.id === "output" ? { ...each, position: { x: each.position.x, y: 120 } } : each));
    const graph = { ...created.graph, nodes: moved };
    const flow = { ...created, ...(await updateFlow(owner.request, { id: created.id, version: created.version, graph })), graph };
    await shareWithBo(flow.id, "viewer");

    await other.goto("/");
    const row = other.getByTestId("flow-row").filter({ has: other.getByRole("link", { name: flow.name }) });
    await expect(row.getByTestId("flow-shared-by")).toHaveText(/shared by .+ \(view only\)/);
    await expect(row.getByRole("button", { name: `Rename ${flow.name}` })).toHaveCount(0);
    await expect(row.getByRole("button", { name: `Delete ${flow.name}` })).toHaveCount(0);
    const writes = recordWrites(other);
    await row.getByRole("link", { name: flow.name }).click();
    await expect(other.getByTestId("view-only-notice")).toBeVisible();
    await expect(other.getByRole("button", { name: "Share" })).toHaveCount(0);

    // The saved flow runs.
    await expect(nodeById(other, "llm")).toBeVisible();
    await startRunFromCanvas(other, "from the viewer");
    await expect(other.getByTestId("run-status")).toHaveText("Succeeded");
    expect(ollama.requests.find((each) => each.path === "/api/chat")?.body.messages.at(-1).content).toContain("from the viewer");

    // History: earlier versions can be previewed, not restored.
    await other.getByRole("button", { name: "History" }).click();
    const history = other.getByRole("complementary", { name: "Version history" });
    await expect(history.getByTestId("version-row")).toHaveCount(1);
    await expect(history.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
    await history.getByRole("button", { name: `Preview version ${created.version}` }).click();
    const preview = other.getByRole("dialog", { name: `Version ${created.version} (read-only preview)` });
    await expect(preview.locator('.react-flow__node[data-id="output"]')).toBeVisible();
    await expect(preview.getByRole("button", { name: "Restore this version" })).toHaveCount(0);
    await preview.locator("footer").getByRole("button", { name: "Close" }).click();
    await other.getByRole("button", { name: "Close version history" }).click();

    // An edit stays on the canvas only: running now is refused rather than saving it first.
    await selectNode(other, "output");
    await other.keyboard.press("Delete");
    await expect(nodeById(other, "output")).toHaveCount(0);
    await other.locator(".react-flow__pane").click();
    await other.keyboard.press("Control+Enter");
    const dialog = other.getByRole("dialog", { name: "Run flow" });
    await dialog.getByLabel("Input").fill("edited");
    await dialog.getByLabel("Input").press("Enter");
    await expect(other.getByTestId("run-refusal")).toContainText("view-only");
    expect(writes).toEqual([]);
    expect(stateOf(await getFlow(owner.request, flow.id))).toEqual(stateOf(flow));
    await other.reload();
    await expect(nodeById(other, "output")).toBeVisible();

    await other.getByTestId("view-only-notice").getByRole("button", { name: "Duplicate to edit" }).click();
    await expect(other).toHaveURL((url) => /^\/flows\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith(flow.id));
    await expect(nodeById(other, "llm")).toBeVisible();
    await expect(other.getByTestId("view-only-notice")).toHaveCount(0);
    const copyId = other.url().split("/").at(-1)!;
    expect(graphEssence((await getFlow(other.request, copyId)).graph)).toEqual(graphEssence(flow.graph));
    expect(writes).toEqual([]);
    expect(stateOf(await getFlow(owner.request, flow.id))).toEqual(stateOf(flow));

    await other.goto("/");
    const copyRow = other.locator(`[data-testid="flow-row"][data-flow-id="${copyId}"]`);
    await expect(copyRow).toBeVisible();
    await expect(copyRow.getByTestId("flow-shared-by")).toHaveCount(0);
  });

  test("an editor's change is saved, and they may restore an earlier version", async () => {
    const flow = await createFlow(owner.request, `Edited together ${stamp}`, chatGraph({ baseUrl: ollama.url }));
    await shareWithBo(flow.id, "editor");

    await other.goto("/");
    const row = other.getByTestId("flow-row").filter({ has: other.getByRole("link", { name: flow.name }) });
    await expect(row.getByTestId("flow-shared-by")).toHaveText(/shared by .+ \(can edit\)/);
    await row.getByRole("link", { name: flow.name }).click();
    await expect(nodeById(other, "output")).toBeVisible();
    await expect(other.getByTestId("view-only-notice")).toHaveCount(0);

    await selectNode(other, "output");
    await other.keyboard.press("Delete");
    await expect(nodeById(other, "output")).toHaveCount(0);
    await expect(other.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
    await expect.poll(async () => (await getFlow(owner.request, flow.id)).version).toBeGreaterThan(flow.version);
    const saved = await getFlow(owner.request, flow.id);
    expect(saved.graph.nodes.map((each) => each.id)).not.toContain("output");

    await other.getByRole("button", { name: "History" }).click();
    const history = other.getByRole("complementary", { name: "Version history" });
    await history.getByRole("button", { name: `Restore version ${flow.version}` }).click();
    await expect(nodeById(other, "output")).toBeVisible();
    await expect.poll(async () => graphEssence((await getFlow(owner.request, flow.id)).graph)).toEqual(graphEssence(flow.graph));
  });

  test("a share link's visitor who is not signed in sees that flow and nothing else", async ({ browser }) => {
    const flow = await createFlow(owner.request, `Linked ${stamp}`, chatGraph({ baseUrl: ollama.url }));
    const link = await createShareLink(owner.request, flow.id);

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(link.path);
    await expect(visitor.getByRole("heading", { name: flow.name })).toBeVisible();
    await expect(visitor.getByTestId("shared-flow").locator(".react-flow__node")).toHaveCount(flow.graph.nodes.length);
    await expect(visitor.getByRole("navigation")).toHaveCount(0);
    await expect(visitor.getByRole("banner")).toHaveCount(0);
    // No way into the app: no link to any of its pages (the canvas library's credit links off-site).
    await expect(visitor.locator('a[href^="/"]')).toHaveCount(0);
    expect(await visitor.getByRole("link").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).origin))).not.toContain(new URL(visitor.url()).origin);
    await expect(visitor.getByTestId("signed-in-as")).toHaveCount(0);

    await visitor.goto("/");
    await expect(visitor).toHaveURL(/\/sign-in(\?next=%2F)?$/);
    await expect(visitor.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await visitor.goto(`/flows/${flow.id}`);
    await expect(visitor).toHaveURL(/\/sign-in\?next=/);
    expect(await rawCall(visitor, "query", "flow.get", { id: flow.id })).toMatchObject({ status: 401 });
    await visitor.context().close();
  });
});
