// `npm run osmen -- chat [--provider ollama] [--model m] [--system text] [--json] "prompt"`: streams the answer.
import { parseArgs } from "node:util";
import { getLLMProvider, LLMError, providerNames, type LLMConfigInput, type ProviderName } from "@/lib/llm/index.ts";
import { answerWarnings } from "@/lib/engine/answer-warnings.ts";
import { describeFailure } from "@/lib/engine/errors.ts";
import { guardedFetchFor } from "@/lib/engine/providers.ts";
import type { Command } from "./command.ts";

const usage = `Usage: npm run osmen -- chat [--provider ${providerNames.join("|")}] [--model name] [--system text]
                         [--temperature n] [--max-tokens n] [--json] "prompt"
Without --provider the first available provider is used, in this order: ${providerNames.join(", ")}.`;

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      provider: { type: "string", short: "p" },
      model: { type: "string", short: "m" },
      system: { type: "string", short: "s" },
      temperature: { type: "string" },
      "max-tokens": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  // The address guard, as a run uses: the environment's endpoint passes, where it redirects is checked.
  const overrides: Partial<LLMConfigInput> = { model: values.model, jsonMode: values.json, fetch: guardedFetchFor() };
  if (values.temperature !== undefined) overrides.temperature = Number(values.temperature);
  if (values["max-tokens"] !== undefined) overrides.maxTokens = Number(values["max-tokens"]);
  return { values, prompt: positionals.join(" "), overrides };
}

function checkProvider(name: string | undefined): ProviderName | undefined {
  if (name === undefined || (providerNames as readonly string[]).includes(name)) return name as ProviderName | undefined;
  throw new Error(`Unknown provider "${name}". Choose one of: ${providerNames.join(", ")}.`);
}

async function run(args: string[]): Promise<number> {
  const { values, prompt, overrides } = parse(args);
  if (values.help || !prompt) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort()); // Ctrl-C stops the request, not just the process
  try {
    const llm = await getLLMProvider(checkProvider(values.provider), overrides);
    const messages = values.system ? [{ role: "system" as const, content: values.system }] : [];
    for await (const chunk of llm.stream([...messages, { role: "user", content: prompt }], { signal: controller.signal })) {
      if (chunk.type === "text") process.stdout.write(chunk.delta);
      // Reasoning goes to stderr: kept in view, out of the answer a pipe receives.
      if (chunk.type === "reasoning") process.stderr.write(chunk.delta);
      if (chunk.type === "done") {
        const { usage, model, latencyMs, content, finishReason, reasoning } = chunk.response;
        process.stdout.write("\n");
        console.error(`[${llm.name} ${model}: ${usage.inputTokens} in, ${usage.outputTokens} out, ${Math.round(latencyMs)} ms, finish: ${finishReason}]`);
        for (const warning of answerWarnings({ text: content, finishReason, reasoning })) console.error(`warning (${warning.code}): ${warning.message}`);
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof LLMError)) throw error;
    console.error(`\n${error.message}`);
    const { errorKind, hint } = describeFailure(error);
    if (hint) console.error(`(${errorKind}) ${hint}`);
    return error.kind === "aborted" ? 130 : 1;
  }
}

export const chatCommand: Command = { description: "Send a prompt to an LLM provider and stream the answer", run };
