import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProviderResolver, type ProviderResolver } from "@/lib/engine";
import { getLLMProvider } from "@/lib/llm";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";
import { startOllamaServer } from "@/testing/servers/ollama";
import type { ScriptedServer } from "@/testing/servers/scripted-server";
import { DailyBriefWorkflow, WorkflowStatus } from "./index";

let google: GoogleServer;
let ollama: ScriptedServer;
beforeAll(async () => {
  [google, ollama] = await Promise.all([startGoogleServer(), startOllamaServer({ models: ["llama3.2"] })]);
});
afterAll(() => Promise.all([google.close(), ollama.close()]));

const clock = new Date("2026-11-25T07:00:00Z");
const now = () => clock;
const googleOptions = () => ({
  client: { clientId: "test-client-id", clientSecret: "test-client-secret", tokenUrl: google.tokenUrl },
  refreshToken: "test-refresh-token",
  rootUrl: google.url,
});
const userPrompt = (provider: ReturnType<typeof createScriptedProvider>) => String(provider.calls[0]!.messages.at(-1)!.content);

describe("DailyBriefWorkflow with sample data", () => {
  it("puts the events and emails in the prompt and returns the brief with its data", async () => {
    const provider = createScriptedProvider({ replies: ["## Schedule\n- 08:30 Team standup"] });
    const workflow = new DailyBriefWorkflow({ useSampleData: true, timeZone: "Europe/Paris", providers: provider, now });
    expect(workflow.status).toBe(WorkflowStatus.Pending);
    const result = await workflow.run();
    expect(result.status).toBe("completed");
    expect(workflow.status).toBe("completed");
    const prompt = userPrompt(provider);
    expect(prompt).toContain("Calendar for Wednesday 25 November 2026 (Europe/Paris) (sample data");
    expect(prompt).toContain('CONFLICT with "Design review: onboarding flow"');
    expect(prompt).toMatch(/Priya Shah <priya@example\.com>: "Q1 roadmap draft" \[NEEDS REPLY\]/);
    expect(result.brief).toMatch(/^## Schedule\n- 08:30 Team standup\n\n---\n_Sources_\n- Google Calendar: 7 events on Wednesday 25 November 2026 — sample data\n- Gmail: 6 messages/);
    expect(result.data.events).toHaveLength(7);
    expect(result.data.emails.filter((email) => email.needsReply)).toHaveLength(3);
    expect(result.errors).toEqual([]);
    expect(Date.parse(result.finishedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt));
  });

  it("leaves out a source that is switched off, and says so", async () => {
    const provider = createScriptedProvider({ replies: ["Brief."] });
    const result = await new DailyBriefWorkflow({ useSampleData: true, includeGmail: false, providers: provider, now }).run();
    expect(userPrompt(provider)).toContain("Email was not included in this brief.");
    expect(result.brief).toContain("- Gmail: not included");
    expect(result.data.emails).toEqual([]);
  });

  it("fails with the model's error but keeps the data it read", async () => {
    const provider = createScriptedProvider({ replies: [{ error: "model exploded" }] });
    const result = await new DailyBriefWorkflow({ useSampleData: true, providers: provider, now }).run();
    expect(result.status).toBe("failed");
    expect(result.brief).toBe("");
    expect(result.errors.join("\n")).toContain("model exploded");
    expect(result.data.events).toHaveLength(7);
  });
});

describe("DailyBriefWorkflow against Google and Ollama protocol servers", () => {
  beforeEach(() => {
    google.setEvents("primary", [
      { summary: "Budget review", start: "2026-11-25T10:00:00Z", end: "2026-11-25T11:00:00Z", attendees: 4 },
      { summary: "Hiring sync", start: "2026-11-25T10:30:00Z", end: "2026-11-25T11:30:00Z", attendees: 3 },
    ]);
    google.setMessages([{ from: "Ana <ana@example.com>", subject: "Invoice", date: new Date(Date.now() - 3_600_000).toISOString(), snippet: "Can you approve the invoice today?" }]);
    ollama.reset();
  });
  // Built per call: the server's address is known only once it has started. Its environment names that server,
  // as OLLAMA_HOST does in production, so the address guard lets it through.
  const viaOllama: ProviderResolver = (model, context) =>
    createProviderResolver({ env: { OLLAMA_HOST: ollama.url }, createProvider: (name, overrides) => getLLMProvider(name as "ollama", { ...overrides, baseUrl: ollama.url }) })(model, context);

  it("sends the live events and emails to the model over Ollama's API", async () => {
    ollama.enqueue({ text: "## Schedule\n- 10:00 Budget review ⚠️ overlaps Hiring sync" });
    const result = await new DailyBriefWorkflow({ model: "llama3.2", timeZone: "UTC", date: "2026-11-25", google: googleOptions(), providers: viaOllama, now }).run();
    expect(result.status).toBe("completed");
    const chat = ollama.requests.find((request) => request.path === "/api/chat")!;
    expect(chat.body.model).toBe("llama3.2");
    const prompt = chat.body.messages.at(-1).content as string;
    expect(prompt).toContain('- 10:00–11:00 Budget review (4 attendees; CONFLICT with "Hiring sync")');
    expect(prompt).toContain('from Ana <ana@example.com>: "Invoice" [NEEDS REPLY]');
    expect(result.brief).toContain("⚠️ overlaps Hiring sync");
    expect(result.brief).toContain("- Google Calendar: 2 events on Wednesday 25 November 2026\n");
  });

  it("says so when the day is empty", async () => {
    ollama.enqueue({ text: "Nothing scheduled." });
    const result = await new DailyBriefWorkflow({ timeZone: "UTC", date: "2026-11-28", google: googleOptions(), providers: viaOllama, now }).run();
    const prompt = ollama.requests.find((request) => request.path === "/api/chat")!.body.messages.at(-1).content as string;
    expect(prompt).toContain("No events: the day is free.");
    expect(result.brief).toContain("- Google Calendar: no events on Saturday 28 November 2026");
  });

  it("writes the brief from the rest when Gmail is down, naming the failure", async () => {
    google.failNext("gmail", { status: 503 }, 4);
    const provider = createScriptedProvider({ replies: ["## Schedule\n- 10:00 Budget review"] });
    const result = await new DailyBriefWorkflow({ timeZone: "UTC", date: "2026-11-25", google: googleOptions(), providers: provider, now }).run();
    expect(result.status).toBe("completed");
    expect(result.errors).toEqual(["Gmail could not be read: Gmail answered with an error (503); try again later."]);
    expect(result.brief).toContain("- Gmail could not be read: Gmail answered with an error (503); try again later.");
    expect(userPrompt(provider)).toContain("The inbox could not be read");
    expect(result.data.events).toHaveLength(2);
  });

  it("asks to reconnect Google when the grant was revoked", async () => {
    google.addRefreshToken("revoked-token");
    google.revokeRefreshToken("revoked-token");
    const provider = createScriptedProvider({ replies: ["Brief."] });
    const result = await new DailyBriefWorkflow({ google: { ...googleOptions(), refreshToken: "revoked-token" }, providers: provider, now }).run();
    expect(result.errors).toHaveLength(2);
    for (const error of result.errors) expect(error).toMatch(/reconnect Google in Settings\.$/);
    expect(result.brief).toContain("Google Calendar could not be read: Google access has expired or was revoked: reconnect Google in Settings.");
  });
});
