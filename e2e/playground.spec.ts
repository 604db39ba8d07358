// The playground: a conversation with a flow that has a Memory node, against a local Ollama-protocol server
// whose answers depend on the history it receives, so the third answer can only be right if the first turn
// reached the model. Sessions start anew and reopen, beside the canvas and on the playground's own page.
import { expect, test, type Locator, type Page } from "@playwright/test";
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
  ollama.setDefault(answerFromHistory({ streamNotes: true }));
});

async function say(playground: Locator, message: string) {
  const box = playground.getByRole("textbox", { name: "Message" });
  await box.fill(message);
  const send = playground.getByRole("button", { name: "Send" });
  await expect(send).toBeEnabled();
  await send.click();
}

const answers = (playground: Locator) => playground.getByTestId("chat-assistant");
const messages = (playground: Locator) => playground.getByTestId("chat-user");

async function openEditorPlayground(page: Page, flowId: string) {
  await page.goto(`/flows/${flowId}`);
  await page.getByRole("button", { name: "Playground" }).click();
  return page.getByTestId("playground");
}

test("a three-turn conversation remembers the first turn, links each answer to its run, and reopens", async ({ page, request }) => {
  const flow = await createFlow(request, "Playground: memory", memoryChatGraph({ baseUrl: ollama.url }));
  const playground = await openEditorPlayground(page, flow.id);

  await say(playground, "My name is Ada.");
  // The answer streams in: the bubble is busy with part of the text before the run ends.
  await expect(answers(playground).first()).toHaveAttribute("aria-busy", "true");
  await expect(answers(playground).first()).toHaveText(/Noted: My name is Ada\./);
  await expect(answers(playground).first()).toHaveAttribute("aria-busy", "false");
  await say(playground, "I like tea.");
  await expect(answers(playground).nth(1)).toHaveText(/Noted: I like tea\./);
  await say(playground, "What is my name?");
  await expect(answers(playground).nth(2)).toHaveText(/Your name is Ada\./);

  // Earlier turns stay visible, and the model saw them: the third request carried the first two turns.
  await expect(messages(playground)).toHaveText(["My name is Ada.", "I like tea.", "What is my name?"]);
  const third = ollama.requests.filter((each) => each.path === "/api/chat").at(-1)!;
  expect((third.body.messages as WireMessage[]).map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant", "user"]);

  // Each answer opens its run in the run panel.
  await answers(playground).nth(2).getByRole("button", { name: "View run" }).click();
  await expect(page.getByTestId("run-panel").getByTestId("run-status")).toHaveText("Succeeded");

  // A new session starts empty and knows nothing; the old one reopens with every turn.
  await playground.getByRole("button", { name: "New session" }).click();
  await expect(answers(playground)).toHaveCount(0);
  await say(playground, "What is my name?");
  await expect(answers(playground).first()).toHaveText(/I do not know your name\./);
  await playground.getByText(/Past sessions/).click();
  await playground.getByRole("button", { name: /^My name is Ada\./ }).click();
  await expect(messages(playground)).toHaveText(["My name is Ada.", "I like tea.", "What is my name?"]);
  await expect(answers(playground)).toHaveCount(3);
});

test("the playground page keeps a session across a reload and continues it", async ({ page, request }) => {
  const flow = await createFlow(request, "Playground: page", memoryChatGraph({ baseUrl: ollama.url }));
  await page.goto(`/flows/${flow.id}/playground`);
  const playground = page.getByTestId("playground");

  await say(playground, "My name is Bo.");
  await expect(answers(playground).first()).toHaveText(/Noted: My name is Bo\./);
  await page.reload();
  await expect(answers(playground)).toHaveCount(0);
  await playground.getByText(/Past sessions/).click();
  await playground.getByRole("button", { name: /^My name is Bo\./ }).click();
  await expect(messages(playground)).toHaveText(["My name is Bo."]);
  await say(playground, "What is my name?");
  await expect(answers(playground).nth(1)).toHaveText(/Your name is Bo\./);
});
