import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "@/lib/flow/compile";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { getNodeKind } from "@/lib/flow/catalog";
import { execute, type RunEvent } from "@/lib/engine";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { startGoogleServer, type GoogleServer } from "@/testing/servers/google";
import { readsSampleData } from "@/lib/flow/node-kind";
import { createGoogleServices, type CalendarData, type GmailData } from "@/lib/tools/google";

let server: GoogleServer;
beforeAll(async () => {
  server = await startGoogleServer();
});
afterAll(() => server.close());

const now = () => new Date("2026-11-25T07:00:00Z");
const live = () =>
  createGoogleServices({ client: { clientId: "test-client-id", clientSecret: "test-client-secret", tokenUrl: server.tokenUrl }, refreshToken: "test-refresh-token", rootUrl: server.url });

function planFor(type: string, config: Record<string, unknown>, port = "data") {
  const graph = createGraphBuilder().node("source", type, config).node("out", "output").edge(`source.${port}`, "out.value").build();
  const { plan, diagnostics } = compile(graph);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return plan!;
}

describe("the Google Calendar and Gmail nodes", () => {
  it("read sample data without any Google access, and say so", async () => {
    const result = await execute(planFor("tool.google_calendar", { useSampleData: true, timeZone: "Europe/Paris" }), { now });
    const data = result.output as CalendarData;
    expect(data).toMatchObject({ isSample: true, date: "2026-11-25", timeZone: "Europe/Paris" });
    expect(data.events).toHaveLength(7);
    expect(data.conflicts).toHaveLength(1);
    const status = await execute(planFor("tool.gmail", { useSampleData: true }, "status"), { now });
    expect(status.output).toBe('Gmail: 6 messages matching "is:unread newer_than:1d" — sample data');
  });

  it("read the live calendar through the run's Google services", async () => {
    server.setEvents("primary", [{ summary: "Board meeting", start: "2026-11-25T14:00:00Z", end: "2026-11-25T15:00:00Z", attendees: 9 }]);
    const result = await execute(planFor("tool.google_calendar", { date: "2026-11-25", timeZone: "UTC" }, "text"), { now, integrations: { google: live() } });
    expect(result.status).toBe("completed");
    expect(result.output).toContain("- 14:00–15:00 Board meeting (9 attendees)");
  });

  it("read today in the calendar's own time zone when the node names none, and say which zone", async () => {
    // 02:30 UTC on the 26th is 18:30 on the 25th in Los Angeles: the call at 18:00 there is today's.
    const lateEvening = () => new Date("2026-11-26T02:30:00Z");
    server.setCalendarTimeZone("primary", "America/Los_Angeles");
    server.setEvents("primary", [{ summary: "Call with Sam", start: "2026-11-25T18:00:00-08:00", end: "2026-11-25T18:30:00-08:00" }]);
    const data = (await execute(planFor("tool.google_calendar", {}), { now: lateEvening, integrations: { google: live() } })).output as CalendarData;
    expect(data).toMatchObject({ date: "2026-11-25", timeZone: "America/Los_Angeles", timeZoneSource: "calendar" });
    expect(data.events.map((event) => event.title)).toEqual(["Call with Sam"]);
    const text = (await execute(planFor("tool.google_calendar", {}, "text"), { now: lateEvening, integrations: { google: live() } })).output as string;
    expect(text).toContain("(America/Los_Angeles, the calendar's time zone)");
    expect(text).toContain("- 18:00–18:30 Call with Sam");
    const listed = server.requests.filter((request) => request.path.endsWith("/events")).at(-1)!;
    expect(listed.query.get("timeMin")).toBe("2026-11-25T08:00:00.000Z");
  });

  it("fall back to the Google account's time zone when the calendar names none", async () => {
    server.setCalendarTimeZone("primary", "");
    server.setUserTimeZone("Asia/Tokyo");
    server.setEvents("primary", []);
    const data = (await execute(planFor("tool.google_calendar", {}), { now, integrations: { google: live() } })).output as CalendarData;
    expect(data).toMatchObject({ date: "2026-11-25", timeZone: "Asia/Tokyo", timeZoneSource: "account" });
    server.setCalendarTimeZone("primary", "UTC");
  });

  it("show mail times in the Google account's zone when the Gmail node names none", async () => {
    server.setCalendarTimeZone("primary", "America/Los_Angeles");
    server.setMessages([{ from: "Ana <ana@example.com>", subject: "Late note", date: "2026-11-25T06:00:00Z", snippet: "See you tomorrow" }]);
    const text = (await execute(planFor("tool.gmail", { query: "from:ana" }, "text"), { now, integrations: { google: live() } })).output as string;
    expect(text).toContain('- 22:00 from Ana <ana@example.com>: "Late note"');
    const pinned = (await execute(planFor("tool.gmail", { query: "from:ana", timeZone: "Europe/Paris" }, "text"), { now, integrations: { google: live() } })).output as string;
    expect(pinned).toContain("- 07:00 from Ana");
    server.setCalendarTimeZone("primary", "UTC");
  });

  it("fail the node with a readable message when Google is not connected", async () => {
    const events: RunEvent[] = [];
    const result = await execute(planFor("tool.gmail", {}), { now, onEvent: (event) => events.push(event) });
    expect(result.status).toBe("failed");
    const failed = events.find((event) => event.type === "node.failed");
    expect(failed).toMatchObject({ nodeId: "source", message: expect.stringMatching(/^Google is not connected, so Gmail cannot be read: connect Google in Settings/) });
  });

  it("keep going on error when asked: the failure travels in the data and the status", async () => {
    server.failNext("gmail", { status: 401 }, 2);
    const plan = planFor("tool.gmail", { continueOnError: true });
    const result = await execute(plan, { now, integrations: { google: live() } });
    expect(result.status).toBe("completed");
    expect((result.output as GmailData).error).toMatch(/reconnect Google in Settings/);
  });

  it("offer a tool an agent can call", async () => {
    const graph = createGraphBuilder()
      .node("gmail", "tool.gmail", { useSampleData: true })
      .node("assistant", "agent", { name: "assistant" })
      .node("task", "input")
      .node("out", "output")
      .edge("gmail.tool", "assistant.tools")
      .edge("task.text", "assistant.input")
      .edge("assistant.text", "out.value")
      .build();
    const provider = createScriptedProvider({ replies: [{ toolCalls: [{ name: "gmail", args: { maxResults: 2 } }] }, "You have two emails."] });
    const events: RunEvent[] = [];
    const result = await execute(compile(graph).plan!, { input: "Check my mail", providers: provider, now, onEvent: (event) => events.push(event) });
    expect(result.output).toBe("You have two emails.");
    expect(provider.calls[0]!.tools.map((tool) => tool.name)).toEqual(["gmail"]);
    const toolResult = events.find((event) => event.type === "node.tool_result");
    expect(toolResult && "result" in toolResult ? JSON.parse(toolResult.result).emails : []).toHaveLength(2);
  });

  it("carry a Sample badge flag and summary", () => {
    expect(readsSampleData(getNodeKind("tool.google_calendar"), { useSampleData: true })).toBe(true);
    expect(readsSampleData(getNodeKind("tool.gmail"), { useSampleData: false })).toBe(false);
    expect(readsSampleData(getNodeKind("tool.http"), { useSampleData: true })).toBe(false);
    expect(getNodeKind("tool.gmail")!.integration?.id).toBe("google");
    const kind = getNodeKind("tool.google_calendar")!;
    expect(kind.summarize!(kind.configSchema.parse({ useSampleData: true }))).toBe("Sample data · today · primary");
  });
});
