// `npm run osmen -- providers`: which LLM providers are available, in the order they are chosen.
import { ProviderRouter, summarizeProviderStatuses } from "@/lib/llm/index.ts";
import { guardedFetchFor } from "@/lib/engine/providers.ts";
import type { Command } from "./command.ts";

async function run(): Promise<number> {
  // Probes go through the address guard, as the server's do: each endpoint passes, where it redirects is checked.
  const summaries = summarizeProviderStatuses(await new ProviderRouter().status({ fetch: guardedFetchFor() }));
  const chosen = summaries.find((summary) => summary.isChosen)?.name;
  console.log("Providers, in priority order (local first):\n");
  for (const { name, isAvailable, key, defaultModel, baseUrl, setupHint, isChosen } of summaries) {
    const marker = isChosen ? "*" : " ";
    const state = isAvailable ? "available" : "not available";
    // Whether a key is set, never the key itself; only for providers that take one from the environment.
    const keyText = key === "not needed" ? "" : `, key ${key}`;
    console.log(`${marker} ${name.padEnd(17)} ${state.padEnd(14)} model ${defaultModel}${baseUrl ? `, ${baseUrl}` : ""}${keyText}`);
    if (!isAvailable) console.log(`${" ".repeat(20)}to set up: ${setupHint}`);
  }
  console.log(chosen ? `\n* used when no provider is named: ${chosen}` : "\nNo provider is available yet.");
  return 0;
}

export const providersCommand: Command = { description: "List the LLM providers and whether each is available", run };
