// The Daily Brief template's graph, fitted to a workflow's settings: the day, the zone, sample data, the
// model, and which sources to read. A source left out is removed, and the prompt placeholders it fed are
// filled with a sentence saying it was not included, so the graph still compiles and the brief says why.
import type { FlowGraph, GraphNode } from "@/lib/flow/graph-schema";
import { getTemplate } from "@/lib/templates";

export const DAILY_BRIEF_TEMPLATE_ID = "daily-brief";
/** Node ids in the template that the workflow reads results from. */
export const briefNodeIds = { calendar: "calendar", gmail: "gmail", model: "model", output: "brief" } as const;

export type DailyBriefGraphSettings = {
  llmProvider: string;
  model?: string;
  includeGoogleCalendar: boolean;
  includeGmail: boolean;
  date?: string;
  timeZone?: string;
  useSampleData: boolean;
  gmailQuery?: string;
  maxEmails?: number;
  calendarIds?: string[];
};

const leftOut: Record<string, { title: string; ports: Record<string, string> }> = {
  [briefNodeIds.calendar]: { title: "Google Calendar", ports: { text: "The calendar was not included in this brief.", status: "Google Calendar: not included" } },
  [briefNodeIds.gmail]: { title: "Gmail", ports: { text: "Email was not included in this brief.", status: "Gmail: not included" } },
};

function configOf(node: GraphNode): Record<string, unknown> {
  return (node.data.config ?? {}) as Record<string, unknown>;
}

function setConfig(graph: FlowGraph, nodeId: string, values: Record<string, unknown>): void {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return;
  const defined = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  node.data = { ...node.data, config: { ...configOf(node), ...defined } };
}

/** Removes a source node; each prompt placeholder it fed gets a fixed sentence instead. */
function removeSource(graph: FlowGraph, nodeId: string): void {
  const replacements = leftOut[nodeId]!.ports;
  for (const edge of graph.edges.filter((candidate) => candidate.source === nodeId)) {
    const target = graph.nodes.find((node) => node.id === edge.target);
    const template = target?.type === "prompt" ? configOf(target).template : undefined;
    if (typeof template !== "string" || !edge.targetHandle) continue;
    const placeholder = new RegExp(`\\{\\{\\s*${edge.targetHandle}\\s*\\}\\}`, "g");
    setConfig(graph, target!.id, { template: template.replace(placeholder, replacements[edge.sourceHandle ?? ""] ?? "") });
  }
  graph.nodes = graph.nodes.filter((node) => node.id !== nodeId);
  graph.edges = graph.edges.filter((edge) => edge.source !== nodeId && edge.target !== nodeId);
}

export function buildDailyBriefGraph(settings: DailyBriefGraphSettings): FlowGraph {
  const template = getTemplate(DAILY_BRIEF_TEMPLATE_ID);
  if (!template) throw new Error(`The "${DAILY_BRIEF_TEMPLATE_ID}" template is missing from lib/templates.`);
  const graph = template.graph;
  const common = { useSampleData: settings.useSampleData, timeZone: settings.timeZone, continueOnError: true };
  setConfig(graph, briefNodeIds.calendar, { ...common, date: settings.date, calendarIds: settings.calendarIds });
  setConfig(graph, briefNodeIds.gmail, { ...common, query: settings.gmailQuery, maxResults: settings.maxEmails });
  const model = graph.nodes.find((node) => node.id === briefNodeIds.model)!;
  model.type = `provider.${settings.llmProvider}`;
  setConfig(graph, briefNodeIds.model, { model: settings.model });
  if (!settings.includeGoogleCalendar) removeSource(graph, briefNodeIds.calendar);
  if (!settings.includeGmail) removeSource(graph, briefNodeIds.gmail);
  return graph;
}
