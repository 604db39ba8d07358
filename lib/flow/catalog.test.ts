import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configJsonSchema, defaultConfig, getNodeKind, nodeKinds } from "./catalog";
import { canConnect } from "./ports";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// Follows relative and "@/" imports from the catalog and collects every module specifier it reaches.
function importClosure(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, "utf8");
    const specifiers = [...source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)].map((match) => ({
      isTypeOnly: Boolean(match[2]),
      specifier: match[3]!,
    }));
    seen.set(file, specifiers.filter((entry) => !entry.isTypeOnly).map((entry) => entry.specifier));
    for (const { specifier, isTypeOnly } of specifiers) {
      if (isTypeOnly) continue;
      const base = specifier.startsWith("@/") ? resolve(root, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(file), specifier) : null;
      if (base) queue.push(/\.(m?js|ts)$/.test(base) ? base : existsSync(`${base}.ts`) ? `${base}.ts` : `${base}/index.ts`);
    }
  }
  return seen;
}

describe("node catalog", () => {
  it("has every kind the issue asks for, each with a unique type", () => {
    const types = nodeKinds.map((kind) => kind.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(
      expect.arrayContaining(["agent", "input", "llm", "output", "prompt", "provider.anthropic", "provider.ollama", "provider.openai", "provider.openai-compatible", "team", "tool.calculator", "tool.datetime", "tool.http"]),
    );
  });

  it.each(nodeKinds.map((kind) => [kind.type, kind] as const))("%s: defaults parse, ports and a JSON schema with titles", (_type, kind) => {
    const config = defaultConfig(kind);
    expect(kind.configSchema.safeParse(config).success).toBe(true);
    const ports = kind.ports(config);
    expect(ports.inputs.length + ports.outputs.length).toBeGreaterThan(0);
    const schema = configJsonSchema(kind) as { type: string; properties: Record<string, { title?: string }> };
    expect(schema.type).toBe("object");
    for (const [field, property] of Object.entries(schema.properties)) expect(property.title, `${kind.type}.${field}`).toBeTruthy();
    expect(typeof kind.summarize?.(config)).toBe("string");
    expect(kind.title && kind.description && kind.category).toBeTruthy();
  });

  it("marks widgets for the inspector", () => {
    const provider = configJsonSchema(getNodeKind("provider.openai")!) as { properties: Record<string, { widget?: string }> };
    expect(provider.properties.credentialId!.widget).toBe("credential");
    const prompt = configJsonSchema(getNodeKind("prompt")!) as { properties: Record<string, { widget?: string }> };
    expect(prompt.properties.template!.widget).toBe("textarea");
  });

  it("turns a prompt's placeholders into input ports", () => {
    const prompt = getNodeKind("prompt")!;
    const ports = prompt.ports(prompt.configSchema.parse({ template: "Dear {{ name }}, re {{topic}} and {{name}} again" }));
    expect(ports.inputs.map((port) => port.name)).toEqual(["name", "topic"]);
    expect(ports.inputs.every((port) => port.type === "text" && port.required)).toBe(true);
  });

  it("lets an agent be offered as a tool, and keeps models apart from text", () => {
    expect(canConnect("agent", "tool")).toBe(true);
    expect(canConnect("text", "data")).toBe(true);
    expect(canConnect("model", "text")).toBe(false);
    expect(canConnect("tool", "agent")).toBe(false);
  });

  it("is safe to import in a browser: no node: modules, no SDKs, no provider runtime", () => {
    const closure = importClosure(resolve(root, "lib/flow/catalog.ts"));
    const external = [...closure.values()].flat().filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("@/"));
    // zod and luxon (time zones for the calendar kinds) are plain browser-safe JavaScript.
    expect([...new Set(external)].sort()).toEqual(["luxon", "zod"]);
    const files = [...closure.keys()].map((file) => file.slice(root.length + 1));
    // Provider and engine code reach kinds through the run context, never by import. From lib/llm only the
    // providers' descriptions (plain data: the registry and each provider's provider.ts) and the pure stream
    // assembler (with the argument reader it uses, so tool calls are assembled once) are read.
    const isProviderData = (file: string) => /^lib\/llm\/(providers\/(index|descriptor|settings|endpoints|credential-fit)|[a-z-]+\/provider)\.ts$/.test(file);
    const isSharedStreamCode = (file: string) => file === "lib/llm/core/stream-assembler.ts" || file === "lib/llm/tool-arguments.ts";
    expect(files.filter((file) => file.startsWith("lib/engine/") || (file.startsWith("lib/llm/") && !isProviderData(file) && !isSharedStreamCode(file)))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["lib/llm/providers/index.ts", "lib/llm/openai-compatible/provider.ts", "lib/llm/core/stream-assembler.ts"]));
  });
});
