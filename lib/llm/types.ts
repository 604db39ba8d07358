// The provider spec: the shapes every adapter speaks. Adapters live in their own folders and import only this.
import { z } from "zod";
import { providerDescriptors, providerNames, type ProviderName } from "./providers/index.ts";

export { providerNames, type ProviderName };

export const llmConfigSchema = z.object({
  provider: z.enum(providerNames).default("ollama"),
  /** Defaults per provider come from `defaultModels` when left empty. */
  model: z.string().min(1).optional(),
  /** Unset: not sent, so the provider's own default applies (reasoning models accept only theirs). */
  temperature: z.number().min(0).max(2).optional(),
  /** OpenAI reasoning families only (o1/o3/o4, gpt-5); unset: not sent. */
  reasoningEffort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).optional(),
  maxTokens: z.number().int().positive().default(4096),
  jsonMode: z.boolean().default(false),
  /**
   * Client-side budgets, shared per provider + endpoint + key. Unset: none, and the provider's own 429s are
   * retried; a default budget would make many runs at once wait on each other for no reason.
   */
  rateLimitRpm: z.number().int().positive().optional(),
  rateLimitTpm: z.number().int().positive().optional(),
  retryAttempts: z.number().int().min(0).max(10).default(3),
  retryDelayMs: z.number().int().min(0).default(1000),
  timeoutMs: z.number().int().positive().default(120_000),
  baseUrl: z.string().url().optional(),
  apiKey: z.string().min(1).optional(),
  /**
   * The fetch the SDK client uses; the engine passes an address-guarded one for a Base URL typed on a node.
   * Unset: the SDK's own (global fetch).
   */
  fetch: z.custom<typeof fetch>((value) => typeof value === "function", "fetch must be a function").optional(),
  /**
   * Set by `resolveConfig`, never by a caller: false when `baseUrl` is neither the environment's endpoint
   * nor the official one, so error messages leave out what that server answered.
   */
  isServerEndpoint: z.boolean().default(true),
});

export type LLMConfigInput = z.input<typeof llmConfigSchema>;
export type LLMConfig = z.output<typeof llmConfigSchema> & { model: string };

/** Each provider's default model (its descriptor's `defaultModel`). */
export const defaultModels = Object.fromEntries(providerDescriptors.map((descriptor) => [descriptor.name, descriptor.defaultModel])) as Record<ProviderName, string>;

export type ToolCall = {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
  /**
   * Set when the model sent arguments the engine cannot use (not JSON, or JSON that is not an object);
   * `arguments` is then `{}` and the call goes back to the model as a tool error instead of running.
   */
  argumentsError?: string;
};

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; toolCalls?: ToolCall[] }
  | { role: "tool"; toolCallId: string; content: string; name?: string };

/** A JSON Schema object, or the shorthand `{ query: { type: "string" } }` (every property required). */
export type ToolParameters = Record<string, unknown>;

export type ToolDefinition = {
  name: string;
  description: string;
  parameters: ToolParameters;
};

/** Why the model stopped: its own stop, the token limit (the answer is cut off), or to call tools. */
export type FinishReason = "stop" | "length" | "tool_calls";

export type TokenUsage = { inputTokens: number; outputTokens: number };

export type LLMResponse = {
  content: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: TokenUsage;
  model: string;
  provider: ProviderName | string;
  latencyMs: number;
  /** What a reasoning model said while thinking (Ollama's `thinking`, Anthropic's thinking blocks), when it said it. */
  reasoning?: string;
};

export type StreamChunk =
  | { type: "text"; delta: string }
  | { type: "reasoning"; delta: string }
  /** Emitted as a tool call's pieces arrive; `argumentsDelta` is raw JSON text, `index` orders parallel calls. */
  | { type: "tool_call"; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: "done"; response: LLMResponse };

/** Per-call overrides: any config field, the tools offered, and a signal that aborts the call. */
export type CallOptions = Partial<Omit<LLMConfig, "provider">> & {
  tools?: ToolDefinition[];
  signal?: AbortSignal;
};

export type LLMProvider = {
  readonly name: ProviderName | string;
  readonly config: LLMConfig;
  generate(prompt: string, options?: CallOptions): Promise<LLMResponse>;
  chat(messages: ChatMessage[], options?: CallOptions): Promise<LLMResponse>;
  toolCall(messages: ChatMessage[], tools: ToolDefinition[], options?: CallOptions): Promise<LLMResponse>;
  stream(messages: ChatMessage[], options?: CallOptions): AsyncIterable<StreamChunk>;
};
