import { describe, expect, it } from "vitest";
import { configJsonSchema, getNodeKind, nodeKinds } from "@/lib/flow/catalog";
import { fieldErrors, formatFieldValue, formFields, parseFieldInput, type FormField } from "./schema-form";

const fieldsOf = (type: string) => formFields(configJsonSchema(getNodeKind(type)!));

describe("formFields", () => {
  it("maps a provider's schema to model, slider, number, toggle and credential controls", () => {
    const fields = Object.fromEntries(fieldsOf("provider.openai").map((field) => [field.name, field]));
    expect(fields.model).toMatchObject({ widget: "model", title: "Model" });
    expect(fields.temperature).toMatchObject({ widget: "slider", min: 0, max: 2, step: 0.1 });
    expect(fields.maxTokens).toMatchObject({ widget: "number", step: 1 });
    expect(fields.jsonMode).toMatchObject({ widget: "toggle" });
    expect(fields.credentialId).toMatchObject({ widget: "credential", title: "Credential" });
  });

  it("maps enums to selects and textarea/tags widgets as declared", () => {
    const agent = Object.fromEntries(fieldsOf("agent").map((field) => [field.name, field]));
    expect(agent.role).toMatchObject({ widget: "select", options: ["coordinator", "specialist", "supervisor", "worker"] });
    expect(agent.instructions?.widget).toBe("textarea");
    expect(agent.capabilities?.widget).toBe("tags");
  });

  it("gives the MCP node a URL, a transport select, an MCP-only credential picker and a tool list", () => {
    const mcp = Object.fromEntries(fieldsOf("tool.mcp").map((field) => [field.name, field]));
    expect(Object.keys(mcp)).toEqual(["url", "transport", "credentialId", "tools"]);
    expect(mcp.url).toMatchObject({ widget: "text", title: "Server URL" });
    expect(mcp.transport).toMatchObject({ widget: "select", options: ["streamable-http", "sse"] });
    expect(mcp.credentialId).toMatchObject({ widget: "credential", credentialKinds: ["mcp"] });
    expect(mcp.tools).toMatchObject({ widget: "tags", title: "Tools" });
    expect(fieldsOf("provider.openai").find((field) => field.name === "credentialId")?.credentialKinds).toBeUndefined();
  });

  it("gives every field of every kind a title", () => {
    for (const kind of nodeKinds) {
      for (const field of formFields(configJsonSchema(kind))) expect(field.title.length).toBeGreaterThan(0);
    }
  });
});

describe("field values", () => {
  const number: FormField = { name: "n", title: "N", widget: "number" };
  const tags: FormField = { name: "t", title: "T", widget: "tags" };
  const headers: FormField = { name: "h", title: "H", widget: "key-value" };

  it("parses numbers and keeps unparseable text for validation", () => {
    expect(parseFieldInput(number, "12")).toBe(12);
    expect(parseFieldInput(number, "twelve")).toBe("twelve");
    expect(parseFieldInput(number, "")).toBe("");
  });

  it("round-trips tags and key-value lines", () => {
    expect(parseFieldInput(tags, "search, math ,")).toEqual(["search", "math"]);
    expect(formatFieldValue(tags, ["search", "math"])).toBe("search, math");
    const parsed = parseFieldInput(headers, "Accept: text/html\nX-Token: a:b");
    expect(parsed).toEqual({ Accept: "text/html", "X-Token": "a:b" });
    expect(formatFieldValue(headers, parsed)).toBe("Accept: text/html\nX-Token: a:b");
  });

  it("keys zod issues by their top-level field", () => {
    const kind = getNodeKind("agent")!;
    const result = kind.configSchema.safeParse({ name: "   ", maxSteps: 0 });
    const errors = fieldErrors(result.success ? [] : result.error.issues);
    expect(Object.keys(errors).sort()).toEqual(["maxSteps", "name"]);
  });
});
