// The template gallery: cards with a preview, and "Use template", which copies a template into a new flow.
import { AppError } from "@/lib/errors";
import { getTemplate, listTemplates, previewGraph } from "@/lib/templates";
import type { Caller } from "@/server/auth/caller";
import type { FlowRecord, FlowService } from "./flow-service.ts";

export function createTemplateService(flows: FlowService) {
  function list() {
    return listTemplates().map((summary) => ({ ...summary, preview: previewGraph(getTemplate(summary.id)!.graph) }));
  }

  /** Copies template `id` into a new flow owned by the caller. */
  async function use(caller: Caller, id: string): Promise<FlowRecord> {
    const template = getTemplate(id);
    if (!template) throw new AppError("NOT_FOUND", `template "${id}" does not exist`, { userMessage: "This template does not exist." });
    return flows.create(caller, { name: template.name, description: template.description, graph: template.graph });
  }

  return { list, use };
}
