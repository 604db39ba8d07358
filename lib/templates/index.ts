// The template gallery: JSON files in this folder, validated on first use. Browser-safe (zod and JSON only).
//   listTemplates()        -> cards for /templates (no graphs)
//   getTemplate(id)        -> the full template, or undefined
//   instantiateTemplate(id)-> a fresh copy of its graph for "Use template" (safe to edit and store)
import dailyBrief from "./daily-brief.json";
import researchPipeline from "./research-pipeline.json";
import researchTeam from "./research-team.json";
import threePerspectives from "./three-perspectives.json";
import writerAndReviewer from "./writer-and-reviewer.json";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { flowTemplateSchema, type FlowTemplate, type TemplateSummary } from "./template-schema";

export { flowTemplateSchema, templateCredentialSchema, type FlowTemplate, type TemplateCredential, type TemplateSummary } from "./template-schema";
export { previewGraph, type GraphPreview, type PreviewEdge, type PreviewNode } from "./preview";

/** Gallery order: the Daily Brief first. */
const sources: unknown[] = [dailyBrief, researchPipeline, threePerspectives, researchTeam, writerAndReviewer];

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
  return loadTemplates().map(({ graph, ...summary }) => ({ ...summary, nodeCount: graph.nodes.length }));
}

export function getTemplate(id: string): FlowTemplate | undefined {
  const template = loadTemplates().find((candidate) => candidate.id === id);
  return template ? structuredClone(template) : undefined;
}

/** A deep copy of the template's graph, or undefined for an unknown id. */
export function instantiateTemplate(id: string): FlowGraph | undefined {
  return getTemplate(id)?.graph;
}
