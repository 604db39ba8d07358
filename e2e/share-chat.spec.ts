// Chatting through a share link: the owner opens a link for chatting in the Share dialog and gets an embed
// snippet; a visitor in a fresh browser context (no session of the owner's) chats on /share/<token>/chat, a
// page with only the chat, against a local Ollama-protocol server whose second answer needs the first turn.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Locator } from "@playwright/test";
import { memoryChatGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { createFlow } from "./helpers/api";
import { answerFromHistory, type WireMessage } from "./helpers/chat";

let ollama: ScriptedServer;

test.beforeAll(async () => {
  ollama = await startOllamaServer();
});
test.afterAll(async () => {
  await ollama?.close();
});
test.beforeEach(() => {
  ollama.reset();
  ollama.setDefault(answerFromHistory());
});

async function say(chat: Locator, message: string) {
  await chat.getByRole("textbox", { name: "Message" }).fill(message);
  const send = chat.getByRole("button", { name: "Send" });
  await expect(send).toBeEnabled();
  await send.click();
}

test("the owner opens a link for chatting; a visitor has a two-turn conversation on the chat page", async ({ page, browser, request }) => {
  const flow = await createFlow(request, `Share chat ${Date.now()}`, memoryChatGraph({ baseUrl: ollama.url }));
  await page.goto(`/flows/${flow.id}`);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this flow" });
  await dialog.getByRole("button", { name: "Create a link" }).click();
  const link = await dialog.getByTestId("created-share-link").inputValue();
  const token = link.split("/").at(-1)!;

  // Off by default: the chat page does not exist yet, and no snippet is shown.
  expect((await request.get(`/share/${token}/chat`)).status()).toBe(404);
  await expect(dialog.getByTestId("share-embed-snippet")).toHaveCount(0);
  const toggle = dialog.getByRole("checkbox", { name: `Open link ${token.slice(0, 6)} for chatting` });
  await expect(toggle).not.toBeChecked();
  // The box shows the stored state: it turns on once the server has it.
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(dialog.getByTestId("share-chat-url")).toHaveValue(`${link}/chat`);
  await expect(dialog.getByTestId("share-embed-snippet")).toHaveValue(new RegExp(`^<iframe src="${link.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/chat"`));
  const snippet = await dialog.getByTestId("share-embed-snippet").inputValue();

  // Any site may frame the chat page, and only it.
  const chatResponse = await request.get(`/share/${token}/chat`);
  expect(chatResponse.status()).toBe(200);
  expect(chatResponse.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(chatResponse.headers()["x-frame-options"]).toBeUndefined();

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`${link}/chat`);
  const chat = visitorPage.getByTestId("shared-chat");
  await expect(chat.getByRole("heading", { name: flow.name })).toBeVisible();
  // Only the chat: no app navigation, no way into the owner's flow.
  await expect(visitorPage.getByRole("navigation")).toHaveCount(0);
  await expect(visitorPage.getByRole("button", { name: "Share" })).toHaveCount(0);

  await say(chat, "My name is Ada.");
  await expect(chat.getByTestId("chat-assistant").first()).toHaveText("Noted: My name is Ada.");
  await say(chat, "What is my name?");
  await expect(chat.getByTestId("chat-assistant").nth(1)).toHaveText("Your name is Ada.");
  await expect(chat.getByTestId("chat-user")).toHaveText(["My name is Ada.", "What is my name?"]);
  // The model saw the first turn with the second: the stored flow's memory, run as the owner.
  const second = ollama.requests.filter((each) => each.path === "/api/chat").at(-1)!;
  expect((second.body.messages as WireMessage[]).map((message) => message.role)).toEqual(["user", "assistant", "user"]);
  // The visitor's page never learned which run answered.
  expect(await visitorPage.content()).not.toContain("View run");

  // The conversation is still there after a reload; a new chat starts empty.
  await visitorPage.reload();
  await expect(chat.getByTestId("chat-assistant")).toHaveText(["Noted: My name is Ada.", "Your name is Ada."]);
  await chat.getByRole("button", { name: "New chat" }).click();
  await expect(chat.getByTestId("chat-assistant")).toHaveCount(0);
  await visitor.close();

  // The snippet works on another site: a page of another site (served from localhost, the server being
  // 127.0.0.1) embeds the chat, which answers there too.
  const partner = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><h1>Partner site</h1>${snippet}`));
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  const embedder = await browser.newContext();
  const hostPage = await embedder.newPage();
  await hostPage.goto(`http://localhost:${(partner.address() as AddressInfo).port}/`);
  const embedded = hostPage.frameLocator("iframe").getByTestId("shared-chat");
  await say(embedded, "My name is Grace.");
  await expect(embedded.getByTestId("chat-assistant")).toHaveText(["Noted: My name is Grace."]);
  await embedder.close();
  partner.close();

  // Closing the chat again takes the page away.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  expect((await request.get(`/share/${token}/chat`)).status()).toBe(404);
});
