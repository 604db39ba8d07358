// An in-memory LLMProvider that replays scripted replies: for tests and benchmarks, where nothing may reach
// the network. It streams like a real adapter (text chunks, tool-call chunks, then `done`), can wait
// before answering, honours AbortSignal at every wait, and records every call it receives.
import type {
  CallOptions,
  ChatMessage,
  LLMConfig,
  LLMProvider,
  LLMResponse,
  StreamChunk,
  TokenUsage,
  ToolDefinition,
} from "@/lib/llm/types";
import { raceAbort } from "@/lib/race-abort";

export type ScriptedToolCall = { name: string; args?: Record<string, unknown>; id?: string };

export type ScriptedReply = {
  text?: string;
  /** The pieces the text streams in; by default the text is split after each space. */
  chunks?: string[];
  toolCalls?: ScriptedToolCall[];
  /** Wait before the first chunk (overrides the provider's delayMs). */
  delayMs?: number;
  /** Wait between chunks. */
  chunkDelayMs?: number;
  /** Hold the reply until this settles (after delayMs): a gate or barrier from testing/latches. Aborts end it. */
  until?: Promise<unknown>;
  /** Fail the call with this error instead of answering. */
  error?: string | Error;
  usage?: TokenUsage;
};

export type CallMethod = "generate" | "chat" | "toolCall" | "stream";

export type RecordedCall = {
  index: number;
  method: CallMethod;
  messages: ChatMessage[];
  tools: ToolDefinition[];
  options: Omit<CallOptions, "signal" | "tools">;
  startedAt: number;
  endedAt?: number;
  isAborted: boolean;
};

export type Responder = (call: RecordedCall) => ScriptedReply | string;

export type ScriptedProviderOptions = {
  name?: string;
  model?: string;
  /** Replies consumed in call order; a string is a plain text reply. */
  replies?: Array<ScriptedReply | string>;
  /** Answers calls computed from the call itself; consulted when `replies` is empty. */
  respond?: Responder;
  delayMs?: number;
  chunkDelayMs?: number;
};

export type ScriptedProvider = LLMProvider & {
  readonly calls: RecordedCall[];
  /** Replies not yet consumed. */
  readonly pending: number;
  enqueue(...replies: Array<ScriptedReply | string>): void;
};

type ProviderState = { queue: Array<ScriptedReply | string>; calls: RecordedCall[]; name: string; model: string; options: ScriptedProviderOptions };

export function createScriptedProvider(options: ScriptedProviderOptions = {}): ScriptedProvider {
  const config = scriptedConfig(options.model ?? "scripted-model");
  const state: ProviderState = { queue: [...(options.replies ?? [])], calls: [], name: options.name ?? "scripted", model: config.model, options };
  return {
    name: state.name,
    config,
    calls: state.calls,
    get pending() {
      return state.queue.length;
    },
    enqueue: (...replies) => void state.queue.push(...replies),
    generate: (prompt, callOptions) => complete(state, "generate", [{ role: "user", content: prompt }], callOptions),
    chat: (messages, callOptions) => complete(state, "chat", messages, callOptions),
    toolCall: (messages, tools, callOptions) => complete(state, "toolCall", messages, { ...callOptions, tools }),
    stream: (messages, callOptions) => streamReply(state, messages, callOptions),
  };
}

function recordCall(state: ProviderState, method: CallMethod, messages: ChatMessage[], callOptions: CallOptions = {}): RecordedCall {
  const { signal: _signal, tools = [], ...rest } = callOptions;
  const call: RecordedCall = { index: state.calls.length, method, messages: [...messages], tools, options: rest, startedAt: Date.now(), isAborted: false };
  state.calls.push(call);
  return call;
}

function nextReply(state: ProviderState, call: RecordedCall): ScriptedReply {
  const next = state.queue.length > 0 ? state.queue.shift()! : state.options.respond?.(call);
  if (next === undefined) throw new Error(`scripted provider "${state.name}" has no reply left for call #${call.index + 1}`);
  return typeof next === "string" ? { text: next } : next;
}

async function* streamReply(state: ProviderState, messages: ChatMessage[], callOptions?: CallOptions): AsyncGenerator<StreamChunk> {
  const call = recordCall(state, "stream", messages, callOptions);
  const signal = callOptions?.signal;
  try {
    const reply = nextReply(state, call);
    await pause(reply.delayMs ?? state.options.delayMs ?? 0, signal);
    await holdUntil(reply.until, signal);
    if (reply.error) throw toError(reply.error);
    for (const delta of textChunks(reply)) {
      yield { type: "text", delta };
      await pause(reply.chunkDelayMs ?? state.options.chunkDelayMs ?? 0, signal);
    }
    for (const [index, toolCall] of (reply.toolCalls ?? []).entries()) {
      yield { type: "tool_call", index, id: toolCallId(call, index, toolCall), name: toolCall.name, argumentsDelta: JSON.stringify(toolCall.args ?? {}) };
    }
    yield { type: "done", response: toResponse(reply, call, state.name, state.model) };
  } catch (error) {
    call.isAborted = signal?.aborted ?? false;
    throw error;
  } finally {
    call.endedAt = Date.now();
  }
}

async function complete(state: ProviderState, method: CallMethod, messages: ChatMessage[], callOptions?: CallOptions): Promise<LLMResponse> {
  const call = recordCall(state, method, messages, callOptions);
  try {
    const reply = nextReply(state, call);
    await pause(reply.delayMs ?? state.options.delayMs ?? 0, callOptions?.signal);
    await holdUntil(reply.until, callOptions?.signal);
    if (reply.error) throw toError(reply.error);
    return toResponse(reply, call, state.name, state.model);
  } catch (error) {
    call.isAborted = callOptions?.signal?.aborted ?? false;
    throw error;
  } finally {
    call.endedAt = Date.now();
  }
}

/** The text of the last user message of a call: what a responder usually keys on. */
export function lastUserText(call: RecordedCall): string {
  return [...call.messages].reverse().find((message) => message.role === "user")?.content ?? "";
}

/** The system prompt of a call ("" when none). */
export function systemText(call: RecordedCall): string {
  return call.messages.find((message) => message.role === "system")?.content ?? "";
}

function scriptedConfig(model: string): LLMConfig {
  const limits = { rateLimitRpm: 1_000_000, rateLimitTpm: 1_000_000_000, retryAttempts: 0, retryDelayMs: 0, timeoutMs: 120_000 };
  return { provider: "ollama", model, temperature: 0, maxTokens: 4096, jsonMode: false, isServerEndpoint: true, ...limits };
}

function textChunks(reply: ScriptedReply): string[] {
  if (reply.chunks) return reply.chunks;
  return reply.text ? (reply.text.match(/\S+\s*|\s+/g) ?? []) : [];
}

function toolCallId(call: RecordedCall, index: number, toolCall: ScriptedToolCall): string {
  return toolCall.id ?? `call_${call.index + 1}_${index + 1}`;
}

function toResponse(reply: ScriptedReply, call: RecordedCall, provider: string, model: string): LLMResponse {
  const toolCalls = (reply.toolCalls ?? []).map((toolCall, index) => ({
    id: toolCallId(call, index, toolCall),
    name: toolCall.name,
    arguments: toolCall.args ?? {},
  }));
  const text = reply.chunks ? reply.chunks.join("") : (reply.text ?? "");
  return {
    content: text,
    toolCalls,
    finishReason: toolCalls.length > 0 ? "tool_calls" : "stop",
    usage: reply.usage ?? { inputTokens: 10, outputTokens: Math.max(1, Math.ceil(text.length / 4)) },
    model,
    provider,
    latencyMs: Date.now() - call.startedAt,
  };
}

function toError(error: string | Error): Error {
  return typeof error === "string" ? new Error(error) : error;
}

/** Waits, unless the wait is zero; rejects with the signal's reason the moment it aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Waits for the reply's `until`, rejecting with the signal's reason the moment it aborts. */
async function holdUntil(until: Promise<unknown> | undefined, signal: AbortSignal | undefined): Promise<void> {
  if (!until) return;
  await (signal ? raceAbort(until, signal, abortError) : until);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}
