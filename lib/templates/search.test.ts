import { describe, expect, it } from "vitest";
import { templateCategories } from "./categories";
import { categoriesIn, filterTemplates } from "./search";

const templates = [
  { id: "brief", name: "Daily Brief", description: "Calendar and inbox into a morning brief.", category: "productivity" },
  { id: "json", name: "Structured extractor (JSON)", description: "Free text into one JSON object.", category: "data" },
  { id: "triage", name: "Support ticket triage", description: "Classifies a ticket and drafts a reply.", category: "support" },
  { id: "reply", name: "Email reply drafter", description: "Drafts a reply to an email.", category: "support" },
];
const ids = (list: { id: string }[]) => list.map((template) => template.id);

describe("gallery search and filter", () => {
  it("keeps everything, in order, with no query and no category", () => {
    expect(ids(filterTemplates(templates, {}))).toEqual(["brief", "json", "triage", "reply"]);
    expect(ids(filterTemplates(templates, { query: "   " }))).toEqual(["brief", "json", "triage", "reply"]);
  });

  it("matches names, descriptions and category labels, ignoring case, every word required", () => {
    expect(ids(filterTemplates(templates, { query: "json" }))).toEqual(["json"]);
    expect(ids(filterTemplates(templates, { query: "REPLY" }))).toEqual(["triage", "reply"]);
    expect(ids(filterTemplates(templates, { query: "customer support" }))).toEqual(["triage", "reply"]);
    expect(ids(filterTemplates(templates, { query: "reply email" }))).toEqual(["reply"]);
    expect(ids(filterTemplates(templates, { query: "quantum" }))).toEqual([]);
  });

  it("narrows to one category, and combines with the query", () => {
    expect(ids(filterTemplates(templates, { category: "support" }))).toEqual(["triage", "reply"]);
    expect(ids(filterTemplates(templates, { category: "support", query: "ticket" }))).toEqual(["triage"]);
    expect(ids(filterTemplates(templates, { category: "data", query: "ticket" }))).toEqual([]);
  });

  it("offers only the categories that have templates, in the catalogue's order, with counts", () => {
    expect(categoriesIn(templates, templateCategories).map(({ id, count }) => [id, count])).toEqual([
      ["data", 1],
      ["support", 2],
      ["productivity", 1],
    ]);
  });
});
