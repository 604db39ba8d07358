// The pattern label a flow shows (the plan badge's "Pattern: …") is read from what is inside the graph;
// every template must read as the pattern it says it demonstrates.
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/flow/compile";
import { getTemplate, listTemplates } from "./index";

const shownPattern = (id: string) => compile(getTemplate(id)!.graph).plan!.summary.pattern;

describe("template pattern labels", () => {
  it("label each template by what is inside it", () => {
    const labels = Object.fromEntries(listTemplates().map((template) => [template.id, shownPattern(template.id)]));
    expect(labels).toMatchObject({
      "daily-brief": "SEQUENTIAL",
      "research-pipeline": "SEQUENTIAL",
      "three-perspectives": "PARALLEL",
      "research-team": "HIERARCHICAL",
      "writer-and-reviewer": "SUPERVISOR",
    });
  });

  it.each(listTemplates().map((template) => [template.id, template.pattern]))("%s reads as the pattern it claims (%s)", (id, pattern) => {
    expect(shownPattern(id)).toBe(pattern);
  });
});
