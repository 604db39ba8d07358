// The request boundary against the production server: security headers, the Host check, cross-site
// mutations, body limits and the share page's 404; then, in the browser, the share page without navigation
// and a markdown image that loads nothing until clicked.
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { chatGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createFlow, createShareLink, node } from "./helpers/api";
import { nodeById } from "./helpers/canvas";

const port = Number(process.env.E2E_PORT ?? 3210);

/** A raw HTTP request, so the test controls headers a browser or fetch would not let it set (Host). */
function rawRequest(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }) {
  return new Promise<{ status: number; body: string; headers: IncomingMessage["headers"] }>((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

const flowCount = async () => {
  const response = await rawRequest({ path: `/api/trpc/flow.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 500 } }))}` });
  return (JSON.parse(response.body) as { result: { data: { json: unknown[] } } }).result.data.json.length;
};

test("a page carries the security headers, with a nonce CSP and no eval", async ({ request }) => {
  const response = await request.get("/");
  expect(response.status()).toBe(200);
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await response.text()).toContain(`nonce="${nonce}"`);
});

test("a request naming another host is refused with 421", async () => {
  const foreign = await rawRequest({ path: "/", headers: { host: `rebind.evil.example:${port}` } });
  expect(foreign.status).toBe(421);
  expect((await rawRequest({ path: "/api/health", headers: { host: `localhost:${port}` } })).status).toBe(200);
});

test("a cross-site form or multipart POST changes nothing", async () => {
  const before = await flowCount();
  const boundary = "----osmen";
  const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${boundary}--\r\n`;
  const crossSite = { host: `127.0.0.1:${port}`, origin: "https://evil.example", "sec-fetch-site": "cross-site" };
  const disconnect = await rawRequest({
    method: "POST",
    path: "/api/trpc/google.disconnect",
    headers: { ...crossSite, "content-type": `multipart/form-data; boundary=${boundary}` },
    body: multipart,
  });
  expect(disconnect.status).toBe(403);
  expect(disconnect.body).not.toContain("wasConnected");
  const create = await rawRequest({
    method: "POST",
    path: "/api/trpc/flow.create",
    headers: { ...crossSite, "content-type": "text/plain" },
    body: JSON.stringify({ json: { name: "Planted" } }),
  });
  expect(create.status).toBe(403);
  // Same site, but a form encoding: refused too, because tRPC takes JSON only.
  const sameOriginForm = await rawRequest({
    method: "POST",
    path: "/api/trpc/flow.create",
    headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, "content-type": "application/x-www-form-urlencoded" },
    body: "json=1",
  });
  expect(sameOriginForm.status).toBe(415);
  expect(await flowCount()).toBe(before);
});

test("a 2 MB tRPC body is refused with 413 before it is parsed", async () => {
  const before = await flowCount();
  const body = JSON.stringify({ json: { name: "Huge", description: "x".repeat(2 * 1024 * 1024) } });
  const response = await rawRequest({
    method: "POST",
    path: "/api/trpc/google.saveClient",
    headers: { host: `127.0.0.1:${port}`, "sec-fetch-site": "same-origin", "content-type": "application/json" },
    body,
  });
  expect(response.status).toBe(413);
  expect(response.body).toContain("PAYLOAD_TOO_LARGE");
  expect(await flowCount()).toBe(before);
});

test("/api/v1 answers CORS, preflight included, only for origins in OSMEN_CORS_ORIGINS", async () => {
  const preflight = (origin: string) =>
    rawRequest({
      method: "OPTIONS",
      path: "/api/v1/flows/some-flow/run",
      headers: { host: `127.0.0.1:${port}`, origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
  const listed = await preflight("https://partner.example");
  expect(listed.status).toBe(204);
  expect(listed.headers["access-control-allow-origin"]).toBe("https://partner.example");
  expect(listed.headers["access-control-allow-headers"]).toContain("authorization");
  expect(listed.headers["access-control-allow-credentials"]).toBeUndefined();
  const other = await preflight("https://evil.example");
  expect(other.status).toBe(403);
  expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  const read = await rawRequest({ path: "/api/v1/runs/none", headers: { host: `127.0.0.1:${port}`, origin: "https://partner.example" } });
  expect(read.headers["access-control-allow-origin"]).toBe("https://partner.example");
});

test("an unknown share token answers a real 404", async ({ request }) => {
  const response = await request.get("/share/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("Shared flow not found");
});

test("a share page visitor sees the flow and no way into the app", async ({ browser, request }) => {
  const flow = await createFlow(request, `Boundary share ${Date.now()}`, { nodes: [node("in", "input", 0, 0), node("out", "output", 300, 0)], edges: [] });
  const { path } = await createShareLink(request, flow.id);
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { name: flow.name })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /flows|templates|settings|osmen studio/i })).toHaveCount(0);
  expect(await page.locator('a[href="/"], a[href="/templates"], a[href="/settings"]').count()).toBe(0);
  await visitor.close();
});

test.describe("markdown images in model output", () => {
  let ollama: ScriptedServer;
  const imageRequests: string[] = [];
  let imageServer: ReturnType<typeof createServer>;
  let imageUrl: string;

  test.beforeAll(async () => {
    ollama = await startOllamaServer();
    imageServer = createServer((incoming, reply) => {
      imageRequests.push(incoming.url ?? "");
      reply.writeHead(200, { "content-type": "image/gif" }).end(Buffer.from("R0lGODlhAQABAAAAACw=", "base64"));
    });
    await new Promise<void>((resolve) => imageServer.listen(0, "127.0.0.1", resolve));
    imageUrl = `http://127.0.0.1:${(imageServer.address() as AddressInfo).port}/leak.gif?q=secret-data`;
  });
  test.afterAll(async () => {
    await ollama?.close();
    await new Promise<void>((resolve) => imageServer?.close(() => resolve()));
  });

  test("an image in a node's output shows its address and is not requested until clicked", async ({ page, request }) => {
    ollama.setDefault({ text: ["Here is a chart: ", `![chart](${imageUrl})`] });
    const flow = await createFlow(request, "Boundary: image", chatGraph({ baseUrl: ollama.url }));
    await page.goto(`/flows/${flow.id}`);
    await expect(nodeById(page, "llm")).toBeVisible();
    await page.locator(".react-flow__pane").click();
    await page.keyboard.press("Control+Enter");
    const dialog = page.getByRole("dialog", { name: "Run flow" });
    await dialog.getByLabel("Input").fill("chart please");
    await dialog.getByLabel("Input").press("Enter");
    await expect(page.getByTestId("run-status")).toHaveText("Succeeded");
    const output = page.getByTestId("run-output-llm");
    const blocked = output.getByTestId("blocked-image");
    await expect(blocked).toContainText(imageUrl);
    await expect(output.locator("img")).toHaveCount(0);
    expect(imageRequests).toEqual([]);
    await blocked.getByRole("button", { name: "Load image" }).click();
    await expect(output.locator("img")).toHaveAttribute("src", imageUrl);
  });
});
