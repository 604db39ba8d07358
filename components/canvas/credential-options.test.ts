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

  it("keeps an unknown stored reference selectable", () => {
    expect(withCurrentCredential(toCredentialOptions([]), "gone").at(-1)).toEqual({ value: "gone", label: "Stored credential gone" });
  });
});
