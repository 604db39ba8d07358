// The Daily Brief (the OsMEN guide's flagship workflow): today's calendar and inbox, summarised by a model
// into a markdown brief. It runs the Daily Brief TEMPLATE's graph on the engine, so the canvas, this API and
// `npm run daily-brief` share one implementation.
//
//   const result = await new DailyBriefWorkflow({ llmProvider: "ollama", useSampleData: true }).run();
//   result.brief   // markdown     result.data   // { events, emails }     result.status // "completed"
//
// Live Google data needs `google`: either ready GoogleServices (the server builds them from the vault) or
// GoogleServicesOptions ({ client, refreshToken, rootUrl }), from which the workflow builds them.
import { compile } from "@/lib/flow/compile";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { execute, type ProviderResolver, type RunEvent } from "@/lib/engine";
import type { LLMProvider } from "@/lib/llm/types";
import { calendarStatus, gmailStatus } from "@/lib/tools/google/digest";
import { resolveTimeZone } from "@/lib/tools/google/day-range";
import type { GoogleServicesOptions } from "@/lib/tools/google/services";
import type { CalendarData, CalendarEvent, EmailSummary, GmailData, GoogleServices } from "@/lib/tools/google/types";
import { briefNodeIds, buildDailyBriefGraph, type DailyBriefGraphSettings } from "./daily-brief-graph";
import { WorkflowStatus, type WorkflowResult } from "./workflow-status";

export type DailyBriefConfig = Partial<DailyBriefGraphSettings> & {
  /** Tests and scripts: a provider for every model, or a resolver. Default: the provider layer (OLLAMA_HOST, ...). */
  providers?: ProviderResolver | LLMProvider;
  google?: GoogleServices | GoogleServicesOptions;
  /** Every RunEvent of the underlying run, e.g. to stream the brief as it is written. */
  onEvent?: (event: RunEvent) => void;
  signal?: AbortSignal;
  /** The clock "today" is read from. */
  now?: () => Date;
  runTimeoutMs?: number;
};

export type DailyBriefData = { events: CalendarEvent[]; emails: EmailSummary[] };
export type DailyBriefResult = WorkflowResult<DailyBriefData> & { brief: string; runId: string };

export class DailyBriefWorkflow {
  readonly config: DailyBriefConfig & DailyBriefGraphSettings;
  status: WorkflowStatus = WorkflowStatus.Pending;

  constructor(config: DailyBriefConfig = {}) {
    this.config = {
      ...config,
      llmProvider: config.llmProvider ?? "ollama",
      includeGoogleCalendar: config.includeGoogleCalendar ?? true,
      includeGmail: config.includeGmail ?? true,
      useSampleData: config.useSampleData ?? false,
      // Checked once; left empty, the calendar node uses the calendar's own zone (not the server's).
      timeZone: config.timeZone ? resolveTimeZone(config.timeZone) : "",
    };
  }

  /** The graph this workflow runs: the template, fitted to the config. */
  graph(): FlowGraph {
    return buildDailyBriefGraph(this.config);
  }

  async run(): Promise<DailyBriefResult> {
    const startedAt = new Date().toISOString();
    this.status = WorkflowStatus.Running;
    const sources: { calendar?: CalendarData; gmail?: GmailData } = {};
    const { plan, diagnostics } = compile(this.graph());
    if (!plan) return this.finish({ startedAt, brief: "", runId: "", sources, errors: diagnostics.map((diagnostic) => diagnostic.message) });
    const result = await execute(plan, {
      providers: this.config.providers,
      integrations: { google: await this.googleServices() },
      signal: this.config.signal,
      now: this.config.now,
      runTimeoutMs: this.config.runTimeoutMs,
      onEvent: (event) => {
        collectSource(event, sources);
        this.config.onEvent?.(event);
      },
    });
    const brief = typeof result.outputs.brief === "string" ? result.outputs.brief.trim() : "";
    const errors = sourceErrors(sources);
    if (result.status !== "completed") errors.push(result.error?.message ?? `The run ended as ${result.status}.`);
    return this.finish({ startedAt, brief: result.status === "completed" ? brief : "", runId: result.runId, sources, errors });
  }

  private async googleServices(): Promise<GoogleServices | undefined> {
    const google = this.config.google;
    if (!google || this.config.useSampleData) return undefined;
    if ("listEvents" in google) return google;
    // Loaded only here: sample-data runs and tests with ready services never pull in googleapis.
    const { createGoogleServices } = await import("@/lib/tools/google/services");
    return createGoogleServices(google);
  }

  private finish(outcome: { startedAt: string; brief: string; runId: string; sources: { calendar?: CalendarData; gmail?: GmailData }; errors: string[] }): DailyBriefResult {
    this.status = outcome.brief ? WorkflowStatus.Completed : WorkflowStatus.Failed;
    return {
      status: this.status,
      brief: outcome.brief,
      data: { events: outcome.sources.calendar?.events ?? [], emails: outcome.sources.gmail?.emails ?? [] },
      errors: outcome.errors,
      runId: outcome.runId,
      startedAt: outcome.startedAt,
      finishedAt: new Date().toISOString(),
    };
  }
}

function collectSource(event: RunEvent, sources: { calendar?: CalendarData; gmail?: GmailData }): void {
  if (event.type !== "node.completed") return;
  if (event.nodeId === briefNodeIds.calendar) sources.calendar = event.outputs.data as CalendarData;
  if (event.nodeId === briefNodeIds.gmail) sources.gmail = event.outputs.data as GmailData;
}

function sourceErrors(sources: { calendar?: CalendarData; gmail?: GmailData }): string[] {
  const errors: string[] = [];
  if (sources.calendar?.error) errors.push(calendarStatus(sources.calendar));
  if (sources.gmail?.error) errors.push(gmailStatus(sources.gmail));
  return errors;
}
