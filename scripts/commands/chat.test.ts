// The chat command's output when a provider fails or an answer ends badly: the kind's hint and the warnings.
import { createServer } from "node:http";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { chatCommand } from "./chat";

let ollama: ScriptedServer;
const savedHost = process.env.OLLAMA_HOST;
beforeAll(async () => void (ollama = await startOllamaServer()));
afterAll(() => ollama.close());
afterEach(() => {
  process.env.OLLAMA_HOST = savedHost;
  vi.restoreAllMocks();
});

/** What the command wrote to stderr, as one text. */
function captureStderr() {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void lines.push(`${parts.join(" ")}\n`));
  vi.spyOn(process.stderr, "write").mockImplementation((text: string | Uint8Array) => (lines.push(String(text)), true));
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  return () => lines.join("");
}

it("says what kind of failure it was and what to do, at once, when Ollama is not running", async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  process.env.OLLAMA_HOST = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
  await new Promise((resolve) => closed.close(resolve));
  const stderr = captureStderr();
  expect(await chatCommand.run(["--provider", "ollama", "hello"])).toBe(1);
  expect(stderr()).toMatch(/\(unavailable\) The model server could not be reached: .*`ollama serve`/);
});

it("warns about an answer cut off at the token limit, and shows the reasoning apart", async () => {
  process.env.OLLAMA_HOST = ollama.url;
  ollama.enqueue({ reasoning: "Let me think", text: "The answer is", finishReason: "length" });
  const stderr = captureStderr();
  expect(await chatCommand.run(["--provider", "ollama", "hello"])).toBe(0);
  expect(stderr()).toContain("Let me think");
  expect(stderr()).toMatch(/finish: length[\s\S]*warning \(cut_off\)/);
});
