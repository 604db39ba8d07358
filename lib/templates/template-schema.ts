// What a gallery template is. Templates are JSON files next to this one, checked against this schema when
// loaded, so a bad edit fails the template test rather than the gallery page.
import { z } from "zod";
import { flowGraphSchema } from "@/lib/flow/graph-schema";
import { orchestrationPatterns } from "@/lib/flow/run-context";

/** Which stored credential a template can use; the gallery card lists them. */
export const templateCredentialSchema = z.object({
  /** "google" (the Google connection) or a provider name ("openai", "anthropic"). */
  kind: z.string().min(1),
  /** True when the flow also runs without it (sample data, a local model). */
  optional: z.boolean().default(false),
  reason: z.string().min(1),
});

export const flowTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(80),
  description: z.string().min(1).max(400),
  /** The orchestration pattern the template demonstrates (shown on its card). */
  pattern: z.enum(orchestrationPatterns),
  credentials: z.array(templateCredentialSchema).default([]),
  graph: flowGraphSchema,
});

export type TemplateCredential = z.output<typeof templateCredentialSchema>;
export type FlowTemplate = z.output<typeof flowTemplateSchema>;
/** A card's worth: everything but the graph. */
export type TemplateSummary = Omit<FlowTemplate, "graph"> & { nodeCount: number };
