import { describe, expect, it } from "vitest";
import { officialEndpoint } from "./providers/endpoints.ts";
import { applyCallOptions, resolveConfig } from "./config.ts";

describe("environment keys go only to the environment's endpoint", () => {
  const env = { apiKey: "sk-env", baseUrl: undefined };

  it("keep the key for the official API however it is spelled", () => {
    expect(resolveConfig("openai", "m", env).apiKey).toBe("sk-env");
    expect(resolveConfig("openai", "m", env, { baseUrl: "https://API.openai.com/v1/" }).apiKey).toBe("sk-env");
  });

  it("send no key to a Base URL given as an override, and mark it as not the server's", () => {
    const config = resolveConfig("openai", "m", env, { baseUrl: "https://attacker.test/v1" });
    expect(config.apiKey).toBeUndefined();
    expect(config.isServerEndpoint).toBe(false);
    expect(resolveConfig("anthropic", "m", { apiKey: "sk-ant-env" }, { baseUrl: "https://attacker.test" }).apiKey).toBeUndefined();
  });

  it("follow OPENAI_BASE_URL: the key goes there and not to the official API", () => {
    const proxied = { apiKey: "sk-env", baseUrl: "http://proxy.test/v1" };
    expect(resolveConfig("openai", "m", proxied, { baseUrl: "http://PROXY.test/v1/" }).apiKey).toBe("sk-env");
    const official = resolveConfig("openai", "m", proxied, { baseUrl: officialEndpoint("openai")! });
    expect(official.apiKey).toBeUndefined();
    expect(official.isServerEndpoint).toBe(true);
  });

  it("use a key given with the override itself", () => {
    expect(resolveConfig("openai", "m", env, { baseUrl: "https://other.test/v1", apiKey: "sk-own" }).apiKey).toBe("sk-own");
  });

  it("cannot be marked as the server's endpoint by a caller", () => {
    expect(resolveConfig("openai", "m", env, { baseUrl: "https://other.test/v1", isServerEndpoint: true }).isServerEndpoint).toBe(false);
  });

  it("cannot be moved elsewhere by a call's options", () => {
    const config = resolveConfig("openai", "m", env);
    expect(() => applyCallOptions(config, { baseUrl: "https://attacker.test/v1" })).toThrow(/cannot change the openai Base URL/);
    expect(applyCallOptions(config, { temperature: 0.1, apiKey: "sk-other" })).toMatchObject({ apiKey: "sk-env", temperature: 0.1, isServerEndpoint: true });
  });
});
