import { describe, expect, it } from "vitest";
import { isListedModel, matchingModels, modelListRequest, modelNote, providerOfNodeType } from "./model-options";

describe("providerOfNodeType", () => {
  it("names the provider of a provider node and nothing else", () => {
    expect(providerOfNodeType("provider.ollama")).toBe("ollama");
    expect(providerOfNodeType("provider.openai-compatible")).toBe("openai-compatible");
    expect(providerOfNodeType("provider.nobody")).toBeNull();
    expect(providerOfNodeType("llm")).toBeNull();
  });
});

describe("modelListRequest", () => {
  it("asks with the node's credential and Base URL, leaving out empty ones", () => {
    expect(modelListRequest("openai", { credentialId: "cred-1", baseUrl: " http://127.0.0.1:9/v1 " })).toEqual({
      provider: "openai",
      credentialId: "cred-1",
      baseUrl: "http://127.0.0.1:9/v1",
    });
    expect(modelListRequest("ollama", { credentialId: "", baseUrl: "" })).toEqual({ provider: "ollama" });
    expect(modelListRequest("ollama", {})).toEqual({ provider: "ollama" });
  });

  it("asks nothing while the Base URL is half typed", () => {
    expect(modelListRequest("ollama", { baseUrl: "http:/" })).toBeNull();
    expect(modelListRequest("ollama", { baseUrl: "localhost" })).toBeNull();
  });
});

describe("isListedModel and matchingModels", () => {
  const ollama = ["llama3.2:latest", "qwen2.5:7b", "mistral:latest"];

  it("takes Ollama's implicit :latest tag as the same model, for Ollama only", () => {
    expect(isListedModel("ollama", ollama, "llama3.2")).toBe(true);
    expect(isListedModel("ollama", ollama, "qwen2.5")).toBe(false);
    expect(isListedModel("openai", ["gpt-4o:latest"], "gpt-4o")).toBe(false);
  });

  it("offers every model for empty or exact text, else those containing the text in any case", () => {
    expect(matchingModels("ollama", ollama, "")).toEqual(ollama);
    expect(matchingModels("ollama", ollama, "llama3.2")).toEqual(ollama);
    expect(matchingModels("ollama", ollama, "LAT")).toEqual(["llama3.2:latest", "mistral:latest"]);
    expect(matchingModels("ollama", ollama, "phi")).toEqual([]);
  });
});

describe("modelNote", () => {
  it("gives the pull command for a model this Ollama server lacks", () => {
    expect(modelNote("ollama", { state: "listed", models: ["llama3.2:latest"] }, " phi4 ")).toEqual({
      text: 'This Ollama server does not have "phi4". Download it with: ollama pull phi4',
      tone: "warning",
    });
    expect(modelNote("ollama", { state: "listed", models: ["llama3.2:latest"] }, "llama3.2")).toBeNull();
    expect(modelNote("ollama", { state: "listed", models: ["llama3.2:latest"] }, "")).toBeNull();
    expect(modelNote("openai", { state: "listed", models: ["gpt-4o-mini"] }, "gpt-5")).toBeNull();
  });

  it("says why the provider could not be asked, and that free text still works", () => {
    const note = modelNote("ollama", { state: "failed", reason: "Ollama is not reachable at http://127.0.0.1:11434" }, "llama3.2");
    expect(note).toEqual({
      text: "Could not list the provider's models: Ollama is not reachable at http://127.0.0.1:11434. You can still type a model name.",
      tone: "warning",
    });
  });

  it("tells loading and an empty list apart from a listed model", () => {
    expect(modelNote("openai", { state: "loading" }, "")?.tone).toBe("info");
    expect(modelNote("openai", { state: "listed", models: [] }, "")?.text).toContain("lists no models");
  });
});
