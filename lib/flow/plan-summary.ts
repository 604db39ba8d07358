// The serialisable picture of a plan for the canvas and the API: the dataflow's shape, each step's
// orchestration pattern, and who works for whom.
import { getNodeKind, type NodeCatalog } from "./catalog";
import type { PlanNode } from "./plan-node";
import { describeStructure, type StructureTree } from "./plan-structure";
import type { OrchestrationPattern } from "./run-context";
import { setOwn } from "../plain-data.ts";

export type PlanMember = { nodeId: string; name: string; role: string; specialists?: PlanMember[] };

export type PlanStep = {
  kind: "step";
  nodeId: string;
  type: string;
  title: string;
  summary: string;
  /** team: its declared pattern; agent with agents among its tools: HIERARCHICAL. */
  pattern?: OrchestrationPattern;
  /** team: its agents in order. */
  members?: PlanMember[];
  /** agent: the agents it can delegate to. */
  specialists?: PlanMember[];
};

export type PlanStructure =
  | { kind: "sequence"; pattern: "SEQUENTIAL"; steps: PlanStructure[] }
  | { kind: "parallel"; pattern: "PARALLEL"; branches: PlanStructure[] }
  | PlanStep;

export type PlanSummary = {
  /** The flow's pattern, from what is inside it (see flowPattern). */
  pattern: OrchestrationPattern;
  structure: PlanStructure | null;
  nodeCount: number;
  /** Nodes that run as steps (the rest provide models, tools or agents to them). */
  stepCount: number;
  /** Every node with an orchestration pattern of its own. */
  patterns: Record<string, OrchestrationPattern>;
  inputNodeId?: string;
  outputNodeIds: string[];
};

export function summarizePlan(nodes: PlanNode[], catalog: NodeCatalog): PlanSummary {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const steps = nodes.filter((node) => node.mode === "run");
  const stepIds = new Set(steps.map((node) => node.id));
  const links = steps.flatMap((node) => node.dependsOn.filter((id) => stepIds.has(id)).map((source) => ({ source, target: node.id })));
  const tree = describeStructure(steps.map((node) => node.id), links);
  const patterns: Record<string, OrchestrationPattern> = {};
  for (const node of nodes) {
    const pattern = patternOf(node, byId);
    if (pattern) setOwn(patterns, node.id, pattern);
  }
  const structure = tree ? decorate(tree, byId, catalog) : null;
  const isModelStep = (nodeId: string) => modelStepCategories.has(getNodeKind(byId.get(nodeId)!.type, catalog)?.category ?? "");
  return {
    pattern: flowPattern(structure, patterns, isModelStep),
    structure,
    nodeCount: nodes.length,
    stepCount: steps.length,
    patterns,
    inputNodeId: nodes.find((node) => node.type === "input")?.id,
    outputNodeIds: nodes.filter((node) => node.type === "output").map((node) => node.id),
  };
}

/** What each pattern means, in the OsMEN guide's words, for a label's tooltip. */
export const patternDescriptions: Record<OrchestrationPattern, string> = {
  SEQUENTIAL: "Agents run in sequence.",
  PARALLEL: "Agents run concurrently.",
  HIERARCHICAL: "A coordinator delegates to specialists.",
  SUPERVISOR: "A supervisor validates and iterates.",
};

/** Kinds whose steps ask a model: the agents the guide's patterns arrange (LLM nodes count as one-shot agents). */
const modelStepCategories: ReadonlySet<string> = new Set(["agents", "models"]);

/** From the most telling down: a flow with a supervisor loop anywhere reads SUPERVISOR, and so on. */
const patternStrength: OrchestrationPattern[] = ["SUPERVISOR", "HIERARCHICAL", "PARALLEL", "SEQUENTIAL"];

/**
 * The pattern a flow follows, per the OsMEN guide (SEQUENTIAL: agents run in sequence; PARALLEL: they run
 * concurrently; HIERARCHICAL: a coordinator delegates to specialists; SUPERVISOR: a supervisor validates
 * and iterates): the most telling of its teams' and coordinators' patterns, else PARALLEL when two
 * branches that run side by side each ask a model, else SEQUENTIAL. Tools and prompts running side by side
 * (the Daily Brief reads calendar and inbox at once) do not make a flow PARALLEL, since the guide's
 * patterns arrange agents; a flow with no model steps at all reads its dataflow's shape.
 */
export function flowPattern(
  structure: PlanStructure | null,
  patterns: Record<string, OrchestrationPattern>,
  isModelStep: (nodeId: string) => boolean,
): OrchestrationPattern {
  const found = new Set(Object.values(patterns));
  if (structure && hasParallelModelSteps(structure, isModelStep)) found.add("PARALLEL");
  const strongest = patternStrength.find((pattern) => found.has(pattern));
  if (strongest) return strongest;
  if (structure && !containsModelStep(structure, isModelStep)) return structure.pattern ?? "SEQUENTIAL";
  return "SEQUENTIAL";
}

function containsModelStep(tree: PlanStructure, isModelStep: (nodeId: string) => boolean): boolean {
  if (tree.kind === "step") return isModelStep(tree.nodeId);
  const parts = tree.kind === "sequence" ? tree.steps : tree.branches;
  return parts.some((part) => containsModelStep(part, isModelStep));
}

function hasParallelModelSteps(tree: PlanStructure, isModelStep: (nodeId: string) => boolean): boolean {
  if (tree.kind === "step") return false;
  const parts = tree.kind === "sequence" ? tree.steps : tree.branches;
  if (tree.kind === "parallel" && parts.filter((part) => containsModelStep(part, isModelStep)).length >= 2) return true;
  return parts.some((part) => hasParallelModelSteps(part, isModelStep));
}

function patternOf(node: PlanNode, byId: Map<string, PlanNode>): OrchestrationPattern | undefined {
  if (node.type === "team") return (node.config as { pattern: OrchestrationPattern }).pattern;
  if (node.type === "agent" && specialistIds(node, byId).length > 0) return "HIERARCHICAL";
  return undefined;
}

function specialistIds(node: PlanNode, byId: Map<string, PlanNode>): string[] {
  return (node.inputs.tools ?? []).map((ref) => ref.source).filter((id) => byId.get(id)?.type === "agent");
}

function decorate(tree: StructureTree, byId: Map<string, PlanNode>, catalog: NodeCatalog): PlanStructure {
  if (tree.kind === "sequence") return { ...tree, steps: tree.steps.map((step) => decorate(step, byId, catalog)) };
  if (tree.kind === "parallel") return { ...tree, branches: tree.branches.map((branch) => decorate(branch, byId, catalog)) };
  const node = byId.get(tree.nodeId)!;
  const kind = getNodeKind(node.type, catalog);
  const step: PlanStep = {
    kind: "step",
    nodeId: node.id,
    type: node.type,
    title: kind?.title ?? node.type,
    summary: kind?.summarize?.(node.config) ?? "",
    pattern: patternOf(node, byId),
  };
  if (node.type === "team") step.members = (node.inputs.agents ?? []).map((ref) => describeMember(byId.get(ref.source)!, byId));
  const specialists = specialistIds(node, byId).map((id) => describeMember(byId.get(id)!, byId));
  if (specialists.length > 0) step.specialists = specialists;
  return step;
}

function describeMember(node: PlanNode, byId: Map<string, PlanNode>): PlanMember {
  const config = node.config as { name: string; role: string };
  const specialists = specialistIds(node, byId).map((id) => describeMember(byId.get(id)!, byId));
  return { nodeId: node.id, name: config.name, role: config.role, ...(specialists.length > 0 ? { specialists } : {}) };
}
