import { describe, expect, it } from "vitest";
import { toCredentialOptions, withCurrentCredential } from "./credential-options";

describe("credential options", () => {
  it("offers the environment first, then provider keys by name, kind and last four", () => {
    const options = toCredentialOptions([
      { id: "c1", name: "Work", kind: "openai", last4: "1234" },
      { id: "c2", name: "Google", kind: "google", last4: "" },
      { id: "c3", name: "Claude", kind: "anthropic", last4: "abcd" },
    ]);
    expect(options).toEqual([
      { value: "", label: "Use environment variables" },
      { value: "c1", label: "Work (OpenAI ••••1234)" },
      { value: "c3", label: "Claude (Anthropic ••••abcd)" },
    ]);
  });

  it("names the endpoint of a key stored for another endpoint than the official API", () => {
    const options = toCredentialOptions([
      { id: "c1", name: "Official", kind: "openai", last4: "1234", endpoint: "https://api.openai.com/v1" },
      { id: "c2", name: "Proxy", kind: "openai", last4: "5678", endpoint: "https://proxy.example.com/v1" },
    ]);
    expect(options.slice(1).map((option) => option.label)).toEqual(["Official (OpenAI ••••1234)", "Proxy (OpenAI ••••5678, for https://proxy.example.com/v1)"]);
  });

  it("lists only the kinds a field names, after None, with the endpoint each is bound to", () => {
    const stored = [
      { id: "c1", name: "Work", kind: "openai", last4: "1234" },
      { id: "c2", name: "Weather", kind: "mcp", last4: "9876", endpoint: "https://mcp.example.com/mcp" },
    ];
    expect(toCredentialOptions(stored, ["mcp"])).toEqual([
      { value: "", label: "None" },
      { value: "c2", label: "Weather (MCP server ••••9876, for https://mcp.example.com/mcp)" },
    ]);
    expect(toCredentialOptions(stored).map((option) => option.value)).toEqual(["", "c1"]);
  });

  it("keeps an unknown stored reference selectable", () => {
    expect(withCurrentCredential(toCredentialOptions([]), "gone").at(-1)).toEqual({ value: "gone", label: "Stored credential gone" });
  });
});
