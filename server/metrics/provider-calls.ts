// Watches every model call a run makes, by wrapping the run's provider resolver: each provider it hands out
// reports, per call, the run and node it served, the provider's name, the outcome, the time to the first
// streamed chunk, the total time and the tokens. Nothing of the request or the answer is reported (prompts and keys stay out of metrics and logs).
import { toProviderResolver, type ProviderResolver } from "@/lib/engine/providers";
import type { ExecuteOptions } from "@/lib/engine";
import { LLMError } from "@/lib/llm/errors";
import type { LLMProvider, LLMResponse, StreamChunk, TokenUsage } from "@/lib/llm/types";
import type { Metrics } from "./metrics.ts";

/** One finished model call. Times in milliseconds; `outcome` is "ok" or the LLMError kind ("error" for anything else). */
export type ProviderCallReport = {
  provider: string;
  /** The run the call served, when the resolver was made for one (watchRunProviders). */
  runId?: string;
  nodeId: string;
  outcome: string;
  totalMs: number;
  /** Streamed calls that produced a chunk only. */
  firstTokenMs?: number;
  usage?: TokenUsage;
};

export type ProviderCallListener = (report: ProviderCallReport) => void;

const outcomeOf = (error: unknown) => (error instanceof LLMError ? error.kind : "error");

/** The run service's `providers` option: a run's model resolution, made per run as the run's user. */
export type RunProviders = (runUserId: string, runId: string) => ExecuteOptions["providers"];

/**
 * `providers` as the run service takes it (a resolver, one provider, or unset for the default), with every
 * call reported; each report carries `runId` when given.
 */
export function watchProviderCalls(providers: ExecuteOptions["providers"], listener: ProviderCallListener, runId?: string): ProviderResolver {
  const resolve = toProviderResolver(providers);
  return async (model, context) => watchProvider(await resolve(model, context), { runId, nodeId: context.nodeId }, listener);
}

/**
 * The run service's `providers` option with every call of every run reported, labelled with its run id:
 * what the composition root (server/app.ts) hands the run service. Unset `providers`: the default resolver.
 */
export function watchRunProviders(providers: RunProviders | undefined, listener: ProviderCallListener): (runUserId: string, runId: string) => ProviderResolver {
  return (runUserId, runId) => watchProviderCalls(providers?.(runUserId, runId), listener, runId);
}

function watchProvider(provider: LLMProvider, served: { runId?: string; nodeId: string }, listener: ProviderCallListener): LLMProvider {
  const report = (startedAt: number, outcome: string, extra: Partial<ProviderCallReport> = {}) => {
    try {
      listener({ provider: provider.name, ...served, outcome, totalMs: performance.now() - startedAt, ...extra });
    } catch (error) {
      console.error("[metrics] a provider call listener failed:", error);
    }
  };
  const timed = async (call: () => Promise<LLMResponse>) => {
    const startedAt = performance.now();
    try {
      const response = await call();
      report(startedAt, "ok", { usage: response.usage });
      return response;
    } catch (error) {
      report(startedAt, outcomeOf(error));
      throw error;
    }
  };
  async function* stream(...args: Parameters<LLMProvider["stream"]>): AsyncIterable<StreamChunk> {
    const startedAt = performance.now();
    let firstTokenMs: number | undefined;
    let usage: TokenUsage | undefined;
    // The call succeeded once its `done` chunk came (readers often stop there); a reader that stops earlier
    // (a cancelled run) leaves it "aborted".
    let outcome = "aborted";
    try {
      for await (const chunk of provider.stream(...args)) {
        firstTokenMs ??= performance.now() - startedAt;
        if (chunk.type === "done") {
          usage = chunk.response.usage;
          outcome = "ok";
        }
        yield chunk;
      }
    } catch (error) {
      outcome = outcomeOf(error);
      throw error;
    } finally {
      report(startedAt, outcome, { firstTokenMs, usage });
    }
  }
  return {
    get name() {
      return provider.name;
    },
    get config() {
      return provider.config;
    },
    generate: (prompt, options) => timed(() => provider.generate(prompt, options)),
    chat: (messages, options) => timed(() => provider.chat(messages, options)),
    toolCall: (messages, tools, options) => timed(() => provider.toolCall(messages, tools, options)),
    stream,
  };
}

/** A listener that records a call in osmen_provider_* and osmen_tokens_total (seconds, tokens). */
export function providerMetricsListener(metrics: Metrics): ProviderCallListener {
  return ({ provider, outcome, totalMs, firstTokenMs, usage }) => {
    metrics.providerRequests.inc({ provider, outcome });
    metrics.providerLatency.observe({ provider, phase: "total" }, totalMs / 1000);
    if (firstTokenMs !== undefined) metrics.providerLatency.observe({ provider, phase: "first_token" }, firstTokenMs / 1000);
    if (usage) {
      metrics.tokens.inc({ provider, direction: "input" }, usage.inputTokens);
      metrics.tokens.inc({ provider, direction: "output" }, usage.outputTokens);
    }
  };
}
