import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { createGraphBuilder } from "./graph-builder";
import { extractPlaceholders, renderTemplate } from "./template";

describe("prompt templates", () => {
  it("turns each spelling of a placeholder into one input, in order", () => {
    expect(extractPlaceholders("{{a}} {{ b }} {{a}} {{\tc\t}}")).toEqual(["a", "b", "c"]);
    expect(renderTemplate("{{ a }}-{{b}}", { a: 1, b: "two" })).toBe("1-two");
  });

  it("writes a literal {{name}} with a backslash, and makes no input of it", () => {
    expect(extractPlaceholders("Use \\{{name}} in your own templates")).toEqual([]);
    expect(renderTemplate("Use \\{{name}} in your own templates", {})).toBe("Use {{name}} in your own templates");
    expect(renderTemplate("\\{{ spaced }} and \\{{", {})).toBe("{{ spaced }} and {{");
  });

  it("writes a literal backslash before a placeholder as \\\\", () => {
    expect(extractPlaceholders("path C:\\\\{{dir}}")).toEqual(["dir"]);
    expect(renderTemplate("path C:\\\\{{dir}}", { dir: "tmp" })).toBe("path C:\\tmp");
  });

  it("keeps JSON, escapes and placeholders together intact", () => {
    const template = 'Reply as JSON like {"user": {"name": "\\{{name}}"}, "tags": ["a\\nb"]} about {{topic}} for {{ user }}.';
    expect(extractPlaceholders(template)).toEqual(["topic", "user"]);
    expect(renderTemplate(template, { topic: "tides", user: { id: 7 } })).toBe(
      'Reply as JSON like {"user": {"name": "{{name}}"}, "tags": ["a\\nb"]} about tides for {\n  "id": 7\n}.',
    );
  });

  it("leaves braces that are not placeholders alone", () => {
    const template = "{{{a}}} {{ 1x }} {{a b}} {{}}";
    expect(extractPlaceholders(template)).toEqual(["a"]);
    expect(renderTemplate(template, { a: "A" })).toBe("{A} {{ 1x }} {{a b}} {{}}");
  });

  it("lets a flow with an escaped placeholder compile with only the real inputs", () => {
    const graph = createGraphBuilder()
      .node("in", "input")
      .node("p", "prompt", { template: 'Fill \\{{name}} in {"x": 1} with {{value}}' })
      .node("out", "output")
      .edge("in.text", "p.value")
      .edge("p.text", "out.value")
      .build();
    const { plan, diagnostics } = compile(graph);
    expect(diagnostics).toEqual([]);
    expect(plan).not.toBeNull();
  });
});
