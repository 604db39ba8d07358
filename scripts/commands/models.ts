// `npm run osmen -- models --provider name`: the model ids a provider's endpoint offers (its SDK's own listing),
// with the server's environment (base URL and key variables).
import { parseArgs } from "node:util";
import { isLLMError, isProviderName, ProviderRouter, providerNames } from "@/lib/llm/index.ts";
import { guardedFetchFor } from "@/lib/engine/providers.ts";
import type { Command } from "./command.ts";

const usage = `Usage: npm run osmen -- models --provider ${providerNames.join("|")}`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { provider: { type: "string", short: "p" }, help: { type: "boolean", short: "h", default: false } } });
  if (values.help || !isProviderName(values.provider)) {
    console.log(values.provider && !values.help ? `Unknown provider "${values.provider}".\n${usage}` : usage);
    return values.help ? 0 : 2;
  }
  try {
    // The address guard, as the server's own listing uses: the endpoint passes, where it redirects is checked.
    for (const model of await new ProviderRouter().listModels(values.provider, { fetch: guardedFetchFor() })) console.log(model);
    return 0;
  } catch (error) {
    if (!isLLMError(error)) throw error;
    console.error(error.message);
    return 1;
  }
}

export const modelsCommand: Command = { description: "List the models a provider's endpoint offers", run };
