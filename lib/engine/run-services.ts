// The services a run offers its nodes: providers (memoised per model settings for the run, and wrapped per
// node so that every model call is recorded as a `node.model_call` event), the SSRF-safe HTTP client, MCP
// sessions, agents and teams, and the run user's connected accounts (passed through unread).
import type { ModelHandle } from "@/lib/flow/handles";
import type { RunServices } from "@/lib/flow/run-context";
import type { LLMProvider } from "@/lib/llm/types";
import { countingCalls } from "./counting-provider";
import { createSafeHttpClient, type HttpRequester } from "@/lib/tools/http-client";
import type { RunIntegrations } from "@/lib/tools/integrations";
import { invokeAgent } from "./agent-invoke";
import type { EventSink } from "./event-sink";
import { createMcpSessions, type McpSessions } from "./mcp-sessions";
import { recordModelCalls, type ModelCallSink } from "./model-call-recorder";
import { runTeam } from "./patterns";
import type { CredentialResolver, ProviderResolver } from "./providers";
import type { RunEnvironment } from "./run-environment";

export type RunServiceOptions = {
  runId: string;
  sink: EventSink;
  resolveProvider: ProviderResolver;
  http?: HttpRequester;
  now?: () => Date;
  /** Passed to nodes as is; default: none connected. */
  integrations?: RunIntegrations;
  /** The run user's stored credentials, for nodes other than models (an MCP server's key). */
  resolveCredential?: CredentialResolver;
  /** Default: sessions over the SDK client with the address guard. */
  mcp?: McpSessions;
};

export function createRunEnvironment(options: RunServiceOptions): RunEnvironment {
  const providers = new Map<string, Promise<LLMProvider>>();
  const callCounts = new Map<string, number>();
  const http = options.http ?? createSafeHttpClient();
  const mcp = options.mcp ?? createMcpSessions({ resolveCredential: options.resolveCredential });
  const env: RunEnvironment = { runId: options.runId, sink: options.sink, services: undefined as unknown as RunServices, dispose: () => mcp.closeAll() };
  env.services = {
    resolveProvider: (model: ModelHandle | undefined, context) => {
      const key = model ? JSON.stringify(model.config) : "(default)";
      let provider = providers.get(key);
      if (!provider) {
        provider = Promise.resolve(options.resolveProvider(model?.config, context));
        // A failed resolution is not cached: a later node may succeed (a credential fixed, a server up).
        provider.catch(() => providers.delete(key));
        providers.set(key, provider);
      }
      // Every call is recorded on the calling node (what the model saw) and counted on the model node (how often it served).
      const recorded = provider.then((resolved) => recordModelCalls(resolved, modelCallSink(options.sink, context.nodeId, callCounts)));
      if (!model) return recorded;
      const onCall = () => options.sink.emit({ type: "node.used", nodeId: model.nodeId, usedBy: context.nodeId, as: "model" });
      return recorded.then((resolved) => countingCalls(resolved, onCall));
    },
    httpRequest: (request, context) => http(request, context),
    connectMcp: (server, context) => mcp.open(server, context),
    runAgent: (agent, task, origin) => invokeAgent(env, agent, task, origin),
    runTeam: (team, origin) => runTeam(env, team, origin),
    now: options.now ?? (() => new Date()),
    integrations: options.integrations ?? {},
  };
  return env;
}

/** Reports a node's model calls as `node.model_call` events, numbered per node across the whole run. */
function modelCallSink(sink: EventSink, nodeId: string, callCounts: Map<string, number>): ModelCallSink {
  return {
    nextIndex: () => {
      const index = (callCounts.get(nodeId) ?? 0) + 1;
      callCounts.set(nodeId, index);
      return index;
    },
    report: (call) => void sink.emit({ type: "node.model_call", nodeId, ...call }),
  };
}
