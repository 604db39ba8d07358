// The LLMProvider every adapter becomes: one implementation of rate limiting, retries, timeouts, abort, error
// mapping and stream assembly, around an adapter that only speaks its vendor's protocol.
import type { AdapterRequest, ProviderAdapter, ProviderStream } from "../adapter.ts";
import { applyCallOptions } from "../config.ts";
import { LLMError } from "../errors.ts";
import type { CallOptions, ChatMessage, LLMConfig, LLMProvider, LLMResponse, StreamChunk, ToolDefinition } from "../types.ts";
import { cleanJsonContent } from "./json-mode.ts";
import { rateLimitBudgetFor, type RateLimitBudget } from "./rate-limit-registry.ts";
import { estimateTokens, type RateLimitTicket } from "./rate-limiter.ts";
import { withRetry } from "./retry.ts";
import { abortedError, createRequestScope, type RequestScope } from "./signals.ts";
import { StreamAssembler, finalizeResponse } from "./stream-assembler.ts";
import { toLLMError } from "./to-llm-error.ts";
import { normalizeTools } from "./tool-schema.ts";

type PreparedCall = {
  config: LLMConfig;
  messages: ChatMessage[];
  options: CallOptions | undefined;
  signal: AbortSignal | undefined;
};

/** Unset when the call has no client-side budget. */
type Ticket = { budget: RateLimitBudget; ticket: RateLimitTicket } | undefined;

/** Budgets come from the process-wide registry, so every provider object for one key shares one. */
export function createProvider(adapter: ProviderAdapter, config: LLMConfig): LLMProvider {
  return new SharedProvider(adapter, config);
}

class SharedProvider implements LLMProvider {
  constructor(
    private readonly adapter: ProviderAdapter,
    readonly config: LLMConfig,
  ) {}

  get name() {
    return this.adapter.name;
  }

  generate(prompt: string, options?: CallOptions): Promise<LLMResponse> {
    return this.chat([{ role: "user", content: prompt }], options);
  }

  toolCall(messages: ChatMessage[], tools: ToolDefinition[], options?: CallOptions): Promise<LLMResponse> {
    return this.chat(messages, { ...options, tools });
  }

  async chat(messages: ChatMessage[], options?: CallOptions): Promise<LLMResponse> {
    const call = this.prepare(messages, options);
    const ticket = await this.takeTicket(call);
    const startedAt = performance.now();
    const completion = await this.withRetries(call, (request) => this.adapter.complete(request));
    const response = this.finish(call, { ...completion, provider: this.name, latencyMs: performance.now() - startedAt });
    ticket?.budget.record(ticket.ticket, response.usage.inputTokens + response.usage.outputTokens);
    return response;
  }

  async *stream(messages: ChatMessage[], options?: CallOptions): AsyncIterable<StreamChunk> {
    const call = this.prepare(messages, options);
    const ticket = await this.takeTicket(call);
    const startedAt = performance.now();
    const { events, scope } = await this.openStream(call);
    const assembler = new StreamAssembler(this.name);
    for (const event of events.opening ?? []) yield assembler.push(event)!;
    // One loop, no nested generators: this path runs once per chunk.
    try {
      for await (const raw of events.source) {
        scope.touch();
        const translated = events.translate(raw);
        if (translated === undefined) continue;
        if (!Array.isArray(translated)) {
          // The common case (one event per chunk) allocates nothing.
          const chunk = assembler.push(translated);
          if (chunk) yield chunk;
          continue;
        }
        for (const event of translated) {
          const chunk = assembler.push(event);
          if (chunk) yield chunk;
        }
      }
    } catch (error) {
      throw this.toError(error instanceof LLMError ? error : events.toFailure(error), call, scope, 1);
    } finally {
      scope.dispose(); // also closes the HTTP response when the caller stops reading early
    }
    const response = this.endStream(call, events, assembler, scope, performance.now() - startedAt);
    ticket?.budget.record(ticket.ticket, response.usage.inputTokens + response.usage.outputTokens);
    yield { type: "done", response };
  }

  /** Opens the stream with retries; the scope that succeeded stays alive for the rest of the stream. */
  private async openStream(call: PreparedCall): Promise<{ events: ProviderStream; scope: RequestScope }> {
    let scope!: RequestScope;
    const events = await this.withRetries(call, (request, attemptScope) => {
      scope = attemptScope;
      return this.adapter.stream(request);
    }, { keepScope: true });
    return { events, scope };
  }

  private endStream(call: PreparedCall, events: ProviderStream, assembler: StreamAssembler, scope: RequestScope, latencyMs: number) {
    const finish = events.end();
    if (finish) assembler.push(finish);
    this.checkComplete(call, assembler, scope);
    return this.finish(call, assembler.toResponse(call.config.model, latencyMs));
  }

  private checkComplete(call: PreparedCall, assembler: StreamAssembler, scope: RequestScope): void {
    // An aborted stream must never look finished, whatever the SDK did with the abort.
    if (call.signal?.aborted) throw abortedError(this.name, call.signal.reason);
    if (!assembler.isFinished) {
      throw this.toError(new Error("the stream ended before the provider finished its answer"), call, scope, 1);
    }
  }

  private prepare(messages: ChatMessage[], options: CallOptions | undefined): PreparedCall {
    const config = applyCallOptions(this.config, options);
    return { config, messages, options, signal: options?.signal };
  }

  private async takeTicket(call: PreparedCall): Promise<Ticket> {
    const limits = { requestsPerMinute: call.config.rateLimitRpm, tokensPerMinute: call.config.rateLimitTpm };
    if (limits.requestsPerMinute === undefined && limits.tokensPerMinute === undefined) return undefined;
    const texts = call.messages.map((message) => message.content);
    // Per call: call options may point one provider object at another endpoint or key.
    const budget = rateLimitBudgetFor(this.name, call.config);
    return { budget, ticket: await budget.acquire(estimateTokens(texts), limits, call.signal, this.name) };
  }

  private withRetries<T>(
    call: PreparedCall,
    run: (request: AdapterRequest, scope: RequestScope) => Promise<T>,
    { keepScope = false } = {},
  ): Promise<T> {
    const tools = normalizeTools(call.options?.tools);
    const policy = { retryAttempts: call.config.retryAttempts, retryDelayMs: call.config.retryDelayMs };
    let scope: RequestScope | undefined;
    const attempt = async () => {
      scope = createRequestScope(call.signal, call.config.timeoutMs);
      const request = { config: call.config, messages: call.messages, tools, signal: scope.signal };
      try {
        const result = await run(request, scope);
        if (!keepScope) scope.dispose();
        return result;
      } catch (error) {
        scope.dispose();
        throw error;
      }
    };
    return withRetry(attempt, policy, (error, attempts) => this.toError(error, call, scope, attempts), call.signal);
  }

  private toError(error: unknown, call: PreparedCall, scope: RequestScope | undefined, attempts: number) {
    const description = this.adapter.describe(call.config);
    const hideResponseBody = !call.config.isServerEndpoint;
    return toLLMError(error, { provider: this.name, description, apiKey: call.config.apiKey, scope, attempts, hideResponseBody });
  }

  private finish(call: PreparedCall, response: LLMResponse): LLMResponse {
    const finalized = finalizeResponse(response);
    return call.config.jsonMode ? { ...finalized, content: cleanJsonContent(finalized.content) } : finalized;
  }
}
