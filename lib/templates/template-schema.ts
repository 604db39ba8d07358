// What a gallery template is. Templates are JSON files next to this one, checked against this schema when
// loaded, so a bad edit fails the template test rather than the gallery page.
import { z } from "zod";
import { flowGraphSchema } from "@/lib/flow/graph-schema";
import { orchestrationPatterns } from "@/lib/flow/run-context";
import { templateCategoryIds } from "./categories";

/**
 * A credential a template can use, declared in its file to give the reason in the template's own words (and
 * whether it is optional). Providers and connected accounts are also derived from the graph (requirements.ts);
 * a declaration overrides the derived entry of the same kind.
 */
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
  /** The gallery category (categories.ts) its filter chip groups it under. */
  category: z.enum(templateCategoryIds),
  /** The orchestration pattern the template demonstrates (shown on its card). */
  pattern: z.enum(orchestrationPatterns),
  credentials: z.array(templateCredentialSchema).default([]),
  graph: flowGraphSchema,
});

export type TemplateCredential = z.output<typeof templateCredentialSchema>;
export type FlowTemplate = z.output<typeof flowTemplateSchema>;
/**
 * One thing a template needs before it runs, for its gallery card. `kind` is what a stored credential of the
 * user must be to satisfy it (a provider name such as "openai", or "google" for the Google connection).
 * `needsCredential` is false for what runs without one (a local Ollama server); `optional` is true when the
 * flow also runs without it (sample data).
 */
export type TemplateRequirement = { kind: string; label: string; needsCredential: boolean; optional: boolean; reason: string };

/** A card's worth: everything but the graph, with what the template needs to run (see requirementsOf). */
export type TemplateSummary = Omit<FlowTemplate, "graph"> & { nodeCount: number; requirements: TemplateRequirement[] };
