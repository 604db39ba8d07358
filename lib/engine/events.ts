// RunEvent: everything that happens in a run, one self-describing JSON object each. The run service stores
// and replays them; the canvas paints them. `seq` grows by one per run, so a client that reconnects with
// the last seq it saw misses nothing. Pure zod: safe to import in the browser.
import { z } from "zod";
import { plainRecord } from "../plain-data.ts";
import { modelCallFields } from "./model-call.ts";

const usageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number() });

/**
 * Something a person should see although the node succeeded: `empty_answer` (the model sent no text),
 * `cut_off` (it stopped at the token limit), `max_steps` (an agent ran out of steps before answering).
 */
export const nodeWarningCodes = ["empty_answer", "cut_off", "max_steps"] as const;
export const nodeWarningSchema = z.object({ code: z.enum(nodeWarningCodes), message: z.string() });
export type NodeWarning = z.infer<typeof nodeWarningSchema>;
export const runWarningSchema = nodeWarningSchema.extend({ nodeId: z.string() });
export type RunWarning = z.infer<typeof runWarningSchema>;

/** What kind of provider failure ended a node, so each surface can show its hint (see `providerFailureKinds`). */
export const failureKindSchema = z.enum(["unavailable", "auth", "rate_limited", "bad_request", "timeout", "not_found"]);
export type FailureKind = z.infer<typeof failureKindSchema>;

const finishReasonSchema = z.enum(["stop", "length", "tool_calls"]);

// Optional so events stored before these fields existed still parse.
const answerFields = {
  finishReason: finishReasonSchema.optional(),
  warnings: z.array(nodeWarningSchema).optional(),
  /** A reasoning model's thinking text, shown collapsed. */
  reasoning: z.string().optional(),
};
// `errorKind`, not `kind`: on node events `kind` is already the node's kind.
const failureFields = { errorKind: failureKindSchema.optional(), hint: z.string().optional() };

/** How a node served another: as the model it called, or as a tool its model called. */
export const nodeUseKinds = ["model", "tool"] as const;
export type NodeUseKind = (typeof nodeUseKinds)[number];

const base = {
  runId: z.string(),
  seq: z.number().int().positive(),
  /** ISO 8601 time the event was emitted. */
  at: z.string(),
};

// Agents run by a team or delegated to by another agent carry who invoked them, and which call it was.
const invocation = {
  parentNodeId: z.string().optional(),
  callId: z.string().optional(),
};

export const runEventSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("run.started"), input: z.unknown(), nodeIds: z.array(z.string()) }),
  z.object({ ...base, ...invocation, type: z.literal("node.started"), nodeId: z.string(), kind: z.string(), input: z.string().optional() }),
  z.object({ ...base, type: z.literal("node.delta"), nodeId: z.string(), text: z.string() }),
  /** Reasoning text as it streams, kept apart from the answer's `node.delta`s. */
  z.object({ ...base, type: z.literal("node.reasoning"), nodeId: z.string(), text: z.string() }),
  z.object({
    ...base,
    type: z.literal("node.tool_call"),
    nodeId: z.string(),
    callId: z.string(),
    name: z.string(),
    args: plainRecord(z.unknown()),
  }),
  z.object({
    ...base,
    type: z.literal("node.tool_result"),
    nodeId: z.string(),
    callId: z.string(),
    name: z.string(),
    result: z.string(),
    isError: z.boolean(),
  }),
  z.object({
    ...base,
    ...invocation,
    type: z.literal("node.completed"),
    nodeId: z.string(),
    kind: z.string(),
    outputs: plainRecord(z.unknown()),
    usage: usageSchema,
    durationMs: z.number(),
    ...answerFields,
  }),
  z.object({
    ...base,
    ...invocation,
    type: z.literal("node.failed"),
    nodeId: z.string(),
    kind: z.string(),
    code: z.string(),
    message: z.string(),
    durationMs: z.number(),
    ...failureFields,
  }),
  /** One model call of a node: the messages sent and the answer, with its cost and timing (see model-call.ts). */
  z.object({ ...base, type: z.literal("node.model_call"), nodeId: z.string(), ...modelCallFields }),
  /**
   * A node used by another as its model (one per model call) or as its tool (one per tool call): such a node
   * has no run of its own, so this is how it shows how often it served.
   */
  z.object({ ...base, type: z.literal("node.used"), nodeId: z.string(), usedBy: z.string(), as: z.enum(nodeUseKinds) }),
  z.object({ ...base, type: z.literal("node.skipped"), nodeId: z.string(), kind: z.string(), blockedBy: z.string(), reason: z.string() }),
  z.object({
    ...base,
    type: z.literal("run.completed"),
    output: z.unknown(),
    outputs: plainRecord(z.unknown()),
    usage: usageSchema,
    durationMs: z.number(),
    warnings: z.array(runWarningSchema).optional(),
  }),
  z.object({
    ...base,
    type: z.literal("run.failed"),
    code: z.string(),
    message: z.string(),
    nodeId: z.string().optional(),
    durationMs: z.number(),
    ...failureFields,
    warnings: z.array(runWarningSchema).optional(),
  }),
  z.object({ ...base, type: z.literal("run.cancelled"), reason: z.string(), durationMs: z.number() }),
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventType = RunEvent["type"];
export type RunEventOf<Type extends RunEventType> = Extract<RunEvent, { type: Type }>;

/** An event before the sink stamps it: what emitters write. */
export type RunEventDraft = RunEvent extends infer Event ? (Event extends RunEvent ? Omit<Event, "runId" | "seq" | "at"> : never) : never;

export const terminalEventTypes: ReadonlySet<RunEventType> = new Set(["run.completed", "run.failed", "run.cancelled"]);
