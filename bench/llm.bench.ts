// `npm run bench -- llm`: the time the adapter layer adds per streamed chunk, against consuming the same SDK's
// stream directly, over the same local wire-format server. Targets: at most 10% over the raw SDK and at most
// 50 µs per chunk. A measurement, not a test: each target prints as a row with PASS or MISS (bench/report.ts).
import Anthropic from "@anthropic-ai/sdk";
import { Ollama } from "ollama";
import OpenAI from "openai";
import { ProviderRouter, type ProviderName } from "@/lib/llm/index.ts";
import { startAnthropicServer } from "@/testing/servers/anthropic.ts";
import { startOllamaServer } from "@/testing/servers/ollama.ts";
import { startOpenAIServer } from "@/testing/servers/openai.ts";
import type { ScriptedServer } from "@/testing/servers/scripted-server.ts";
import { report, sized } from "./report.ts";
import { median } from "./stats.ts";
import { llmTargets } from "./targets.ts";

const chunkCount = sized(10_000, 1_000);
const runs = sized(9, 3);
const warmups = sized(2, 1);
const apiKey = "sk-bench-key";
const messages = [{ role: "user" as const, content: "Count to ten thousand." }];

type Target = { name: ProviderName; start: () => Promise<ScriptedServer>; env: (url: string) => Record<string, string>; raw: (url: string) => Promise<number> };

async function drain(stream: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of stream) count++;
  return count;
}

const targets: Target[] = [
  {
    name: "ollama",
    start: () => startOllamaServer(),
    env: (url) => ({ OLLAMA_HOST: url }),
    raw: async (url) => drain(await new Ollama({ host: url }).chat({ model: "llama3.2", messages, stream: true })),
  },
  {
    name: "openai",
    start: () => startOpenAIServer(),
    env: (url) => ({ OPENAI_BASE_URL: url, OPENAI_API_KEY: apiKey }),
    raw: async (url) => {
      const client = new OpenAI({ apiKey, baseURL: url, maxRetries: 0, logLevel: "off" });
      return drain(await client.chat.completions.create({ model: "gpt-4o-mini", messages, stream: true, stream_options: { include_usage: true } }));
    },
  },
  {
    name: "anthropic",
    start: () => startAnthropicServer(),
    env: (url) => ({ ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: apiKey }),
    raw: async (url) => {
      const client = new Anthropic({ apiKey, baseURL: url, maxRetries: 0, logLevel: "off", openTelemetry: false });
      return drain(await client.messages.create({ model: "claude-sonnet-5-5", max_tokens: 4096, messages, stream: true }));
    },
  },
];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const startedAt = performance.now();
  await run();
  return performance.now() - startedAt;
}

async function measure(target: Target) {
  const server = await target.start();
  server.setDefault({ text: Array.from({ length: chunkCount }, (_, index) => `t${index} `) });
  // Limits far above what the benchmark sends, so only the per-chunk path is measured.
  const llm = await new ProviderRouter({ env: target.env(server.url) }).getProvider(target.name, { rateLimitRpm: 100_000, rateLimitTpm: 1_000_000_000 });
  const adapter = () => drain(llm.stream(messages));
  const raw = () => target.raw(server.url);
  for (let index = 0; index < warmups; index++) {
    await raw();
    await adapter();
  }
  const rawTimes: number[] = [];
  const adapterTimes: number[] = [];
  for (let index = 0; index < runs; index++) {
    rawTimes.push(await timed(raw)); // alternating, so drift in the machine's load hits both alike
    adapterTimes.push(await timed(adapter));
  }
  await server.close();
  return { raw: median(rawTimes), adapter: median(adapterTimes) };
}

export default async function benchmarkLLMAdapters(): Promise<void> {
  console.log(`${chunkCount} streamed text chunks per run, median of ${runs} runs after ${warmups} warm-ups (Node ${process.version})`);
  for (const target of targets) {
    const { raw, adapter } = await measure(target);
    const perChunk = (ms: number) => (ms * 1000) / chunkCount;
    const rows = llmTargets(target.name);
    report(rows.addedPercent, ((adapter - raw) / raw) * 100, `raw SDK ${raw.toFixed(1)} ms, adapter ${adapter.toFixed(1)} ms`);
    report(rows.addedPerChunk, perChunk(adapter) - perChunk(raw), `raw SDK ${perChunk(raw).toFixed(2)} µs, adapter ${perChunk(adapter).toFixed(2)} µs per chunk`);
  }
}
