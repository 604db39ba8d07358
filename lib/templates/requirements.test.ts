import { describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/lib/flow/graph-builder";
import { isReadyToRun, requirementState } from "./requirement-state";
import { graphRequirements, requirementsOf } from "./requirements";

const owned = (...kinds: string[]) => ({ kinds: new Set(kinds) });

describe("template requirements", () => {
  it("names each provider once, keyed ones as needing a credential, in the order the graph names them", () => {
    const graph = createGraphBuilder()
      .node("a", "provider.openai")
      .node("b", "provider.ollama")
      .node("c", "provider.openai")
      .node("d", "provider.anthropic")
      .build();
    expect(graphRequirements(graph).map(({ kind, needsCredential, optional }) => [kind, needsCredential, optional])).toEqual([
      ["openai", true, false],
      ["ollama", false, false],
      ["anthropic", true, false],
    ]);
    expect(graphRequirements(graph)[0]!.reason).toContain("OPENAI_API_KEY");
  });

  it("asks for the Google connection, optional only while every node reading it uses sample data", () => {
    const sample = createGraphBuilder().node("cal", "tool.google_calendar", { useSampleData: true }).node("mail", "tool.gmail", { useSampleData: true }).build();
    expect(graphRequirements(sample)).toEqual([expect.objectContaining({ kind: "google", needsCredential: true, optional: true })]);
    const live = createGraphBuilder().node("cal", "tool.google_calendar", { useSampleData: true }).node("mail", "tool.gmail", { useSampleData: false }).build();
    expect(graphRequirements(live)).toEqual([expect.objectContaining({ kind: "google", optional: false })]);
  });

  it("needs nothing for a graph of prompts and tools without accounts", () => {
    expect(graphRequirements(createGraphBuilder().node("in", "input").node("calc", "tool.calculator").node("web", "tool.http").build())).toEqual([]);
  });

  it("lets the template's own declaration word the reason, and keeps declared kinds the graph does not show", () => {
    const graph = createGraphBuilder().node("m", "provider.anthropic").build();
    const requirements = requirementsOf(graph, [
      { kind: "anthropic", optional: true, reason: "A cloud model; swap in Ollama to run locally." },
      { kind: "google", optional: false, reason: "Sends the summary by email." },
    ]);
    expect(requirements).toEqual([
      { kind: "anthropic", label: "Anthropic API key", needsCredential: true, optional: true, reason: "A cloud model; swap in Ollama to run locally." },
      { kind: "google", label: "Google account", needsCredential: true, optional: false, reason: "Sends the summary by email." },
    ]);
  });

  it("is ready when no credential is needed or one of its kind is stored, and runs when every required one is ready", () => {
    const [openai, ollama] = graphRequirements(createGraphBuilder().node("a", "provider.openai").node("b", "provider.ollama").build());
    expect(requirementState(ollama!, owned())).toBe("ready");
    expect(requirementState(openai!, owned())).toBe("missing");
    expect(requirementState(openai!, owned("anthropic"))).toBe("missing");
    expect(requirementState(openai!, owned("openai"))).toBe("ready");
    expect(isReadyToRun([openai!, ollama!], owned())).toBe(false);
    expect(isReadyToRun([openai!, ollama!], owned("openai"))).toBe(true);
    expect(isReadyToRun([{ ...openai!, optional: true }], owned())).toBe(true);
  });
});
