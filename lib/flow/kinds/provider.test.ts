import { describe, expect, it } from "vitest";
import { providerDescriptors } from "@/lib/llm/providers";
import { nodeCatalog } from "../catalog";
import { anthropicProviderKind, ollamaProviderKind, openaiCompatibleProviderKind, openaiProviderKind, toModelConfig } from "./provider";

const kinds = { ollama: ollamaProviderKind, openai: openaiProviderKind, anthropic: anthropicProviderKind, "openai-compatible": openaiCompatibleProviderKind };
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
    expect(fieldsOf(openaiCompatibleProviderKind)).toContain("temperature");
    expect(fieldsOf(openaiCompatibleProviderKind)).not.toContain("reasoningEffort");
  });

  it("are one catalog entry per registered provider, offering the common settings and only those the descriptor honours", () => {
    const common = fieldsOf(anthropicProviderKind);
    for (const descriptor of providerDescriptors) {
      const kind = nodeCatalog.get(`provider.${descriptor.name}`);
      expect(kind, descriptor.name).toMatchObject({ title: descriptor.title, category: "models" });
      // A keyless provider (Ollama) has no credential field.
      const shared = descriptor.credential === null ? common.filter((field) => field !== "credentialId") : common;
      expect(fieldsOf(kind!)).toEqual([...shared, ...Object.keys(descriptor.settings)]);
    }
  });

  it("say where an OpenAI-compatible node's endpoint comes from when its Base URL is left empty", () => {
    const baseUrl = (openaiCompatibleProviderKind.configSchema as unknown as { shape: { baseUrl: { meta(): { description: string } } } }).shape.baseUrl;
    expect(baseUrl.meta().description).toContain("OPENAI_COMPATIBLE_BASE_URL");
    expect(openaiCompatibleProviderKind.configSchema.parse({}).baseUrl).toBe("");
  });

  it.each(Object.entries(kinds))("%s: every setting shown reaches the model's config, retries 0 included", (provider, kind) => {
    const fields = fieldsOf(kind);
    const config = kind.configSchema.parse(Object.fromEntries(fields.map((field) => [field, setValues[field]])));
    const model = toModelConfig(provider, config) as Record<string, unknown>;
    for (const field of fields) expect(model[field], field).toEqual(setValues[field]);
  });

  it("refuse a Base URL with a user name or password before the run, saying where the key goes", () => {
    for (const kind of Object.values(kinds)) {
      const parsed = kind.configSchema.safeParse({ model: "m", baseUrl: "http://user:hunter2@127.0.0.1:1/v1" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/must not contain a user name or password.*store the key as a credential/);
      expect(kind.configSchema.safeParse({ model: "m", baseUrl: "http://127.0.0.1:1/v1" }).success).toBe(true);
    }
  });

  it("leaves an empty setting out, so the provider's default applies", () => {
    const model = toModelConfig("openai", openaiProviderKind.configSchema.parse({}));
    expect(model.temperature).toBeUndefined();
    expect(model.reasoningEffort).toBeUndefined();
    expect(model.retryAttempts).toBeUndefined();
    expect(model.maxTokens).toBe(4096);
  });
});
