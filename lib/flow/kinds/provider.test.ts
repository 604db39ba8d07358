import { describe, expect, it } from "vitest";
import { anthropicProviderKind, ollamaProviderKind, openaiProviderKind, toModelConfig } from "./provider";

const kinds = { ollama: ollamaProviderKind, openai: openaiProviderKind, anthropic: anthropicProviderKind };
const fieldsOf = (kind: (typeof kinds)[keyof typeof kinds]) => Object.keys((kind.configSchema as unknown as { shape: object }).shape);

// A value for every field a node can show, different from its default, as a person would set it.
const setValues: Record<string, unknown> = {
  model: "m",
  temperature: 0.3,
  reasoningEffort: "low",
  maxTokens: 100,
  jsonMode: true,
  timeoutMs: 5000,
  retryAttempts: 0,
  rateLimitRpm: 5,
  rateLimitTpm: 500,
  baseUrl: "http://127.0.0.1:1",
  credentialId: "cred",
};

describe("provider nodes", () => {
  it("show Temperature only where the adapter sends it, and Reasoning effort only on OpenAI", () => {
    expect(fieldsOf(anthropicProviderKind)).not.toContain("temperature");
    expect(fieldsOf(ollamaProviderKind)).toContain("temperature");
    expect(fieldsOf(ollamaProviderKind)).not.toContain("reasoningEffort");
    expect(fieldsOf(openaiProviderKind)).toEqual(expect.arrayContaining(["temperature", "reasoningEffort"]));
  });

  it.each(Object.entries(kinds))("%s: every setting shown reaches the model's config, retries 0 included", (provider, kind) => {
    const fields = fieldsOf(kind);
    const config = kind.configSchema.parse(Object.fromEntries(fields.map((field) => [field, setValues[field]])));
    const model = toModelConfig(provider, config) as Record<string, unknown>;
    for (const field of fields) expect(model[field], field).toEqual(setValues[field]);
  });

  it("leaves an empty setting out, so the provider's default applies", () => {
    const model = toModelConfig("openai", openaiProviderKind.configSchema.parse({}));
    expect(model.temperature).toBeUndefined();
    expect(model.reasoningEffort).toBeUndefined();
    expect(model.retryAttempts).toBeUndefined();
    expect(model.maxTokens).toBe(4096);
  });
});
