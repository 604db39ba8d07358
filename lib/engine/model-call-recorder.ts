// Records every model call a node makes: the run hands each node its provider wrapped by
// `recordModelCalls`, so the llm kind, agents, delegated specialists and team members are all recorded in
// this one place, whichever method they call. What is recorded is what the provider was given (messages and
// tools, copied when the call starts: the agent loop keeps appending to its array) and what it answered.
// The provider's config never leaves the wrapper (it may hold an API key or a credential's secret): only
// its name and the model do.
import { redactSecrets } from "@/lib/llm/core/redact";
import { StreamAssembler } from "@/lib/llm/core/stream-assembler";
import type { CallOptions, ChatMessage, LLMProvider, LLMResponse, StreamChunk, ToolCall, ToolDefinition } from "@/lib/llm/types";
import { clipModelCallMessages, clipModelCallText, type ModelCallMessage, type ModelCallRecord } from "./model-call";

/** Where the wrapper reports: `nextIndex` numbers a node's calls as they start; `report` gets each finished call. */
export type ModelCallSink = { nextIndex(): number; report(call: ModelCallRecord): void };

type Started = Pick<ModelCallRecord, "callIndex" | "messages" | "tools"> & { startedAt: number };

/** `provider`, reporting each call it makes to `sink` once the call has answered or failed. */
export function recordModelCalls(provider: LLMProvider, sink: ModelCallSink): LLMProvider {
  const start = (messages: ChatMessage[], tools: ToolDefinition[] | undefined): Started => ({
    callIndex: sink.nextIndex(),
    messages: clipModelCallMessages(messages.map(copyMessage)),
    tools: (tools ?? []).map((tool) => ({ name: tool.name, description: clipModelCallText(tool.description) })),
    startedAt: Date.now(),
  });
  const complete = async (started: Started, call: () => Promise<LLMResponse>) => {
    try {
      const response = await call();
      sink.report(answered(provider, started, response));
      return response;
    } catch (error) {
      sink.report(failed(provider, started, error));
      throw error;
    }
  };
  return {
    name: provider.name,
    config: provider.config,
    generate: (prompt, options) => complete(start([{ role: "user", content: prompt }], options?.tools), () => provider.generate(prompt, options)),
    chat: (messages, options) => complete(start(messages, options?.tools), () => provider.chat(messages, options)),
    toolCall: (messages, tools, options) => complete(start(messages, tools), () => provider.toolCall(messages, tools, options)),
    stream: (messages, options) => recordStream(provider, sink, start(messages, options?.tools), messages, options),
  };
}

async function* recordStream(provider: LLMProvider, sink: ModelCallSink, started: Started, messages: ChatMessage[], options?: CallOptions): AsyncGenerator<StreamChunk> {
  const assembler = new StreamAssembler(provider.name);
  let firstChunkAt: number | undefined;
  let isReported = false;
  const report = (call: ModelCallRecord) => {
    isReported = true;
    sink.report(call);
  };
  try {
    for await (const chunk of provider.stream(messages, options)) {
      firstChunkAt ??= Date.now();
      // Reported before the chunk is handed on: a reader may stop at `done` and never come back.
      if (chunk.type === "done") report({ ...answered(provider, started, chunk.response), ttftMs: firstChunkAt - started.startedAt });
      else assembler.push(chunk);
      yield chunk;
    }
    if (!isReported) report({ ...answered(provider, started, assembler.toResponse(provider.config?.model ?? "", 0)), ...ttft(firstChunkAt, started) });
  } catch (error) {
    if (!isReported) report({ ...failed(provider, started, error), ...ttft(firstChunkAt, started) });
    throw error;
  }
}

const ttft = (firstChunkAt: number | undefined, started: Started) => (firstChunkAt === undefined ? {} : { ttftMs: firstChunkAt - started.startedAt });

function answered(provider: LLMProvider, started: Started, response: LLMResponse): ModelCallRecord {
  const { startedAt, ...call } = started;
  return {
    ...call,
    provider: response.provider || provider.name,
    model: response.model || (provider.config?.model ?? ""),
    answer: {
      text: clipModelCallText(response.content),
      toolCalls: response.toolCalls.map(copyToolCall),
      ...(response.reasoning ? { reasoning: clipModelCallText(response.reasoning) } : {}),
    },
    finishReason: response.finishReason,
    usage: { inputTokens: response.usage.inputTokens, outputTokens: response.usage.outputTokens },
    durationMs: Date.now() - startedAt,
  };
}

function failed(provider: LLMProvider, started: Started, error: unknown): ModelCallRecord {
  const { startedAt, ...call } = started;
  // Provider errors are redacted where they are made; this is the last line for any other thrower.
  const message = redactSecrets(error instanceof Error ? error.message : String(error), [provider.config?.apiKey]);
  return { ...call, provider: provider.name, model: provider.config?.model ?? "", durationMs: Date.now() - startedAt, error: clipModelCallText(message) };
}

function copyToolCall(call: ToolCall): ToolCall {
  return { id: call.id, name: call.name, arguments: call.arguments, ...(call.argumentsError ? { argumentsError: call.argumentsError } : {}) };
}

function copyMessage(message: ChatMessage): ModelCallMessage {
  const content = message.content;
  switch (message.role) {
    case "assistant":
      return { role: "assistant", content, ...(message.toolCalls ? { toolCalls: message.toolCalls.map(copyToolCall) } : {}) };
    case "tool":
      return { role: "tool", toolCallId: message.toolCallId, ...(message.name === undefined ? {} : { name: message.name }), content };
    default:
      return { role: message.role, content };
  }
}
