// How run events are stored: one RunEvent row per event, except that a run's consecutive text deltas of one
// type (`node.delta` or `node.reasoning`, from one node or from several streaming side by side) share a
// row, so a long answer costs a few rows instead of one per chunk. `seq` numbers a run's rows 1, 2, 3...
// with no gaps; `endSeq` is the seq of the row's last event, null when it equals the row's `seq` (every row
// written before batching, and every row until a run's first batch). A row's payload leaves out what its
// columns already hold (runId, seq, type, nodeId) and a usage of zero tokens, and keeps its time as epoch
// milliseconds; a batch stores its text once, with each chunk's length, its time as milliseconds after the
// first chunk's and, when several nodes stream, which node each chunk is from. Decoding gives back exactly the events that were emitted.
// The event writer stores what one run has ready at once (a model's last deltas, its model-call record, the
// node's completion, the next node's start) as one grouped row (type GROUP_ROW_TYPE): the elements each
// part would have had as its own row, with its type and node id, times relative to the row's. A grouped
// row's payload of DEFLATE_FROM_CHARS or more is stored deflated (`{ deflated: base64 }`): runs repeat
// themselves (an answer is in its deltas, its model-call record, the node's outputs, the next prompt and
// the run's output; every call of an agent repeats its system prompt), which deflate stores once.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { RunEvent } from "@/lib/engine/events";
import { toStorable } from "@/lib/storable-data";

/** A RunEvent row as written and read (the columns this module owns). */
export type RunEventRow = { runId: string; seq: number; endSeq: number | null; type: string; nodeId: string | null; payload: unknown };

/**
 * A batch row's payload: the joined text, each chunk's length (UTF-16 units) and time after `at` (ms); when
 * the chunks come from several nodes (the row's nodeId is null), `nodes` lists them and `nodeOf` indexes it.
 */
type BatchPayload = { at: StoredTime; text: string; parts: number[]; afterMs: number[]; nodes?: string[]; nodeOf?: number[] };

type TextDelta = Extract<RunEvent, { type: "node.delta" | "node.reasoning" }>;

/** An event's `at` as stored: epoch milliseconds when that restores the ISO string exactly, else the string. */
type StoredTime = number | string;

const toStoredTime = (at: string): StoredTime => (msAfter(at, at) === undefined ? at : Date.parse(at));
const fromStoredTime = (at: StoredTime): string => (typeof at === "number" ? new Date(at).toISOString() : at);

const BATCHED_TYPES: ReadonlySet<string> = new Set(["node.delta", "node.reasoning"]);

/** True for the events that may share a row with the deltas of the same node around them. */
export const isBatchable = (event: RunEvent): event is TextDelta => BATCHED_TYPES.has(event.type);

const isBatchPayload = (payload: unknown): payload is BatchPayload =>
  typeof payload === "object" && payload !== null && Array.isArray((payload as BatchPayload).parts);

/** Milliseconds of `next` after `first`, when both are canonical ISO times, so decoding restores `next` exactly. */
function msAfter(first: string, next: string): number | undefined {
  const base = Date.parse(first);
  const time = Date.parse(next);
  if (Number.isNaN(base) || Number.isNaN(time) || new Date(base).toISOString() !== first || new Date(time).toISOString() !== next) return undefined;
  return time - base;
}

/** Whether `next` can join a batch that starts with `first` and ends with `last` (same run and type, next seq). */
export function canExtendBatch(first: TextDelta, last: RunEvent, next: RunEvent): boolean {
  return (
    isBatchable(next) &&
    next.type === first.type &&
    next.runId === first.runId &&
    next.seq === last.seq + 1 &&
    msAfter(first.at, next.at) !== undefined
  );
}

const ZERO_USAGE = { inputTokens: 0, outputTokens: 0 };
const isZeroUsage = (usage: unknown) => JSON.stringify(usage) === JSON.stringify(ZERO_USAGE);
/** Events whose `usage` is required: left out when zero, restored as zero. */
const USAGE_TYPES: ReadonlySet<string> = new Set(["node.completed", "run.completed"]);

function withoutColumns(event: RunEvent): Record<string, unknown> {
  const { runId: _runId, seq: _seq, type: _type, ...rest } = event as RunEvent & { nodeId?: string; usage?: unknown };
  delete (rest as { nodeId?: string }).nodeId;
  if (USAGE_TYPES.has(event.type) && isZeroUsage((rest as { usage?: unknown }).usage)) delete (rest as { usage?: unknown }).usage;
  return { ...rest, at: toStoredTime(event.at) };
}

function batchPayload(deltas: TextDelta[]): BatchPayload {
  const first = deltas[0]!;
  const payload: BatchPayload = {
    at: toStoredTime(first.at),
    text: deltas.map((event) => event.text).join(""),
    parts: deltas.map((event) => event.text.length),
    afterMs: deltas.map((event) => msAfter(first.at, event.at) ?? 0),
  };
  const nodes = [...new Set(deltas.map((event) => event.nodeId))];
  return nodes.length === 1 ? payload : { ...payload, nodes, nodeOf: deltas.map((event) => nodes.indexOf(event.nodeId)) };
}

/**
 * The row that stores `events` as row number `rowSeq` of their run: one event, or consecutive deltas that
 * `canExtendBatch` accepted. @throws Error when `events` is empty.
 */
export function toRunEventRow(rowSeq: number, events: RunEvent[]): RunEventRow {
  const first = events[0];
  if (!first) throw new Error("toRunEventRow needs at least one event");
  const last = events.at(-1)!;
  const row = { runId: first.runId, seq: rowSeq, endSeq: last.seq === rowSeq ? null : last.seq, type: first.type };
  if (events.length === 1) return { ...row, nodeId: "nodeId" in first && first.nodeId !== undefined ? first.nodeId : null, payload: withoutColumns(first) };
  const payload = batchPayload(events as TextDelta[]);
  return { ...row, nodeId: payload.nodes ? null : (first as TextDelta).nodeId, payload };
}

function fromBatch(row: RunEventRow, payload: BatchPayload): RunEvent[] {
  const firstSeq = (row.endSeq ?? row.seq) - payload.parts.length + 1;
  const base = Date.parse(fromStoredTime(payload.at));
  let offset = 0;
  return payload.parts.map((length, index) => {
    const text = payload.text.slice(offset, offset + length);
    offset += length;
    const at = new Date(base + (payload.afterMs[index] ?? 0)).toISOString();
    const nodeId = payload.nodes ? payload.nodes[payload.nodeOf?.[index] ?? 0] : row.nodeId;
    return { runId: row.runId, seq: firstSeq + index, at, type: row.type, nodeId, text } as RunEvent;
  });
}

/** The `type` column of a grouped row; no RunEvent has it. */
export const GROUP_ROW_TYPE = "events";
/**
 * JSON characters from which a grouped row is stored deflated: below it the base64 text would not be much
 * smaller than the JSON, and the row stays readable in the database.
 */
export const DEFLATE_FROM_CHARS = 512;

/**
 * A window no larger than the text (512 B to 32 KB) and a small state: most grouped rows are a few KB, and
 * zlib's defaults (32 KB window, 256 KB of state set up per call) made each deflate of one cost about 250 µs
 * instead of about 50. Inflating needs no options.
 */
const deflateOptionsFor = (length: number) => ({ windowBits: Math.min(15, Math.max(9, Math.ceil(Math.log2(length)))), memLevel: 5 });

/** One part of a grouped row: its own row's payload, type and node id; a numeric `at` is ms after the row's `at`. */
type GroupElement = Record<string, unknown> & { type: string; nodeId?: string; at?: StoredTime };
/** `at`: the first part's time (epoch ms), 0 when that is not a number. */
type GroupPayload = { at: number; events: GroupElement[] };
/** A grouped row's payload as JSON, deflated (raw deflate, RFC 1951), in base64. */
type DeflatedPayload = { deflated: string };

/**
 * The row that stores `parts` (each one event, or deltas `canExtendBatch` accepted; consecutive seqs, in
 * order) as row number `rowSeq` of their run: one part whose payload is small is stored as its own row,
 * anything else as a grouped row, deflated from DEFLATE_FROM_CHARS. @throws Error when `parts` or a part is empty.
 */
export function toGroupedRow(rowSeq: number, parts: RunEvent[][]): RunEventRow {
  const rows = parts.map((part, index) => toRunEventRow(index === 0 ? rowSeq : 0, part));
  if (rows.length === 1 && JSON.stringify(rows[0]!.payload).length < DEFLATE_FROM_CHARS) return rows[0]!;
  const firstAt = (rows[0]!.payload as { at?: unknown }).at;
  const at = typeof firstAt === "number" ? firstAt : 0;
  const events = rows.map(({ type, nodeId, payload }): GroupElement => {
    const element: GroupElement = { ...(payload as Record<string, unknown>), type, ...(nodeId === null ? {} : { nodeId }) };
    if (typeof element.at === "number") element.at -= at;
    return element;
  });
  const group: GroupPayload = { at, events };
  // As a JSON column stores it (lib/storable-data.ts), so the deflated form reads back as the plain one would.
  const json = JSON.stringify(toStorable(group));
  const payload: GroupPayload | DeflatedPayload = json.length < DEFLATE_FROM_CHARS ? group : { deflated: deflateRawSync(json, deflateOptionsFor(json.length)).toString("base64") };
  const lastSeq = parts.at(-1)!.at(-1)!.seq;
  return { runId: parts[0]![0]!.runId, seq: rowSeq, endSeq: lastSeq === rowSeq ? null : lastSeq, type: GROUP_ROW_TYPE, nodeId: null, payload };
}

/** How many events a group element holds: a delta batch's chunk count, else one. */
const eventCount = (element: Record<string, unknown>) => (Array.isArray(element.parts) ? element.parts.length : 1);

function fromGroupedRow(row: RunEventRow, stored: GroupPayload | DeflatedPayload): RunEvent[] {
  const payload = "deflated" in stored ? (JSON.parse(inflateRawSync(Buffer.from(stored.deflated, "base64")).toString("utf8")) as GroupPayload) : stored;
  const total = payload.events.reduce((sum, element) => sum + eventCount(element), 0);
  let seq = (row.endSeq ?? row.seq) - total + 1;
  return payload.events.flatMap(({ type, nodeId, ...part }) => {
    const count = eventCount(part);
    const at = typeof part.at === "number" ? { at: part.at + payload.at } : {};
    const partRow = { runId: row.runId, seq, endSeq: count === 1 ? null : seq + count - 1, type, nodeId: nodeId ?? null, payload: { ...part, ...at } };
    seq += count;
    return fromRunEventRow(partRow);
  });
}

/** The events a stored row holds, in seq order. */
export function fromRunEventRow(row: RunEventRow): RunEvent[] {
  const payload = row.payload;
  if (row.type === GROUP_ROW_TYPE) return fromGroupedRow(row, payload as GroupPayload | DeflatedPayload);
  if (isBatchPayload(payload)) return fromBatch(row, payload);
  const head = { runId: row.runId, ...(row.nodeId === null ? {} : { nodeId: row.nodeId }), seq: row.endSeq ?? row.seq, type: row.type };
  const usage = USAGE_TYPES.has(row.type) ? { usage: ZERO_USAGE } : {};
  const stored = payload as { at?: StoredTime };
  return [{ ...head, ...usage, ...stored, ...(stored.at === undefined ? {} : { at: fromStoredTime(stored.at) }) } as RunEvent];
}

/** The events of stored rows after `afterSeq`, in order: a row that straddles `afterSeq` gives only its later events. */
export function eventsAfter(rows: RunEventRow[], afterSeq: number): RunEvent[] {
  return rows.flatMap(fromRunEventRow).filter((event) => event.seq > afterSeq);
}

/** Prisma `where` for a run's rows holding an event after `afterSeq` (`endSeq` is never below `seq`). */
export const rowsAfterWhere = (runId: string, afterSeq: number) => ({ runId, OR: [{ seq: { gt: afterSeq } }, { endSeq: { gt: afterSeq } }] });

/** The seq of the last event a row holds. */
export const lastSeqOfRow = (row: { seq: number; endSeq: number | null }) => row.endSeq ?? row.seq;
