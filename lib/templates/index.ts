// The template gallery: JSON files in this folder, validated on first use. Browser-safe (zod and JSON only).
//   listTemplates()        -> cards for /templates (no graphs; with what each needs to run)
//   getTemplate(id)        -> the full template, or undefined
//   instantiateTemplate(id)-> a fresh copy of its graph for "Use template" (safe to edit and store)
import chatbotWithMemory from "./chatbot-with-memory.json";
import dailyBrief from "./daily-brief.json";
import researchPipeline from "./research-pipeline.json";
import researchTeam from "./research-team.json";
import threePerspectives from "./three-perspectives.json";
import writerAndReviewer from "./writer-and-reviewer.json";
import contactExtractor from "./contact-extractor.json";
import emailReply from "./email-reply.json";
import localVsCloud from "./local-vs-cloud.json";
import meetingActionItems from "./meeting-action-items.json";
import supportTicketTriage from "./support-ticket-triage.json";
import toolAssistant from "./tool-assistant.json";
import translator from "./translator.json";
import webPageSummary from "./web-page-summary.json";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { requirementsOf } from "./requirements";
import { flowTemplateSchema, type FlowTemplate, type TemplateSummary } from "./template-schema";

export { flowTemplateSchema, templateCredentialSchema, type FlowTemplate, type TemplateCredential, type TemplateRequirement, type TemplateSummary } from "./template-schema";
export { categoryLabel, templateCategories, type TemplateCategory } from "./categories";
export { graphRequirements, requirementsOf } from "./requirements";
export { isReadyToRun, requirementState, type OwnedCredentials, type RequirementState } from "./requirement-state";
export { categoriesIn, filterTemplates, type SearchableTemplate, type TemplateFilter } from "./search";
export { previewGraph, type GraphPreview, type PreviewEdge, type PreviewNode } from "./preview";

/** Gallery order: the Daily Brief first, then the everyday ones, then the multi-agent patterns. */
const sources: unknown[] = [
  dailyBrief,
  chatbotWithMemory,
  toolAssistant,
  webPageSummary,
  contactExtractor,
  supportTicketTriage,
  meetingActionItems,
  emailReply,
  translator,
  localVsCloud,
  researchPipeline,
  threePerspectives,
  researchTeam,
  writerAndReviewer,
];

let loaded: FlowTemplate[] | undefined;

function loadTemplates(): FlowTemplate[] {
  loaded ??= sources.map((source, index) => {
    const parsed = flowTemplateSchema.safeParse(source);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`Template #${index + 1} is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    }
    return parsed.data;
  });
  return loaded;
}

export function listTemplates(): TemplateSummary[] {
  return loadTemplates().map(({ graph, ...summary }) => ({ ...summary, nodeCount: graph.nodes.length, requirements: requirementsOf(graph, summary.credentials) }));
}

export function getTemplate(id: string): FlowTemplate | undefined {
  const template = loadTemplates().find((candidate) => candidate.id === id);
  return template ? structuredClone(template) : undefined;
}

/** A deep copy of the template's graph, or undefined for an unknown id. */
export function instantiateTemplate(id: string): FlowGraph | undefined {
  return getTemplate(id)?.graph;
}
