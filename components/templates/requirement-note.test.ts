import { describe, expect, it } from "vitest";
import type { TemplateRequirement } from "@/lib/templates";
import { requirementNote } from "./requirement-note";

const openai: TemplateRequirement = { kind: "openai", label: "OpenAI API key", needsCredential: true, optional: false, reason: "Uses OpenAI." };
const google: TemplateRequirement = { kind: "google", label: "Google account", needsCredential: true, optional: true, reason: "Reads your calendar." };
const ollama: TemplateRequirement = { kind: "ollama", label: "Ollama", needsCredential: false, optional: false, reason: "Local." };

describe("requirement notes on a template card", () => {
  it("says a local provider needs no key, whatever is stored", () => {
    expect(requirementNote(ollama, "ready")).toContain("no key needed");
  });

  it("says whether a key or the Google connection is there", () => {
    expect(requirementNote(openai, "ready")).toContain("you have a stored key");
    expect(requirementNote(openai, "missing")).toContain("no key stored");
    expect(requirementNote(google, "ready")).toContain("connected");
    expect(requirementNote(google, "missing")).toContain("sample data");
    expect(requirementNote({ ...google, optional: false }, "missing")).not.toContain("sample data");
  });

  it("falls back to the reason while the user's credentials are unknown", () => {
    expect(requirementNote(openai, undefined)).toBe("· Uses OpenAI.");
  });
});
