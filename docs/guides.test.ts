// The two guides against the code they describe, so neither can drift: every command, path, variable, page,
// template, node and port they name exists. The quick start's commands themselves run in
// scripts/check-quickstart.ts (it needs a server).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiPathsNamed, isServedPath, npmScriptsNamed } from "@/deploy/references";
import { nodeKinds } from "@/lib/flow/catalog";
import { listTemplates } from "@/lib/templates";
import { parseServerEnv, serverEnvSchema } from "@/server/env.mjs";
import { chatGraph } from "@/testing/flow-graphs";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const quickstart = read("docs/QUICKSTART_USER.md");
const architecture = read("docs/ARCHITECTURE_DEV.md");
const guides = { "docs/QUICKSTART_USER.md": quickstart, "docs/ARCHITECTURE_DEV.md": architecture };
const appFiles = readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" }).map((file) => `app/${file.split(path.sep).join("/")}`);

/** The text of a `## title` section, up to the next `## `. */
const section = (text: string, title: string) => text.split(/^## /m).find((part) => part.startsWith(`${title}\n`)) ?? "";
const bold = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]!);

describe.each(Object.entries(guides))("%s", (_file, text) => {
  it("runs only npm scripts that exist", () => {
    const scripts = Object.keys(JSON.parse(read("package.json")).scripts);
    expect(npmScriptsNamed(text).filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("names only repository paths that exist (a <placeholder> stands for a file to add in an existing folder)", () => {
    const named = [...text.matchAll(/`((?:lib|server|app|components|testing|e2e|prisma|scripts|docs|deploy|\.ci)\/[^`\s]*)`/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(0);
    // `lib/flow/kinds/<kind>.ts`, `lib/*.ts`, `app/api/...`: the folder before the placeholder must exist.
    const existingPart = (file: string) => {
      const cut = file.search(/<|\*|\.\.\./);
      return cut < 0 ? file : file.slice(0, file.lastIndexOf("/", cut) + 1);
    };
    const missing = named.filter((file) => !existsSync(path.join(root, existingPart(file))));
    expect(missing).toEqual([]);
  });

  it("names only variables of server/env.mjs", () => {
    const named = [...text.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)].map((match) => match[1]!);
    expect(named.filter((name) => !(name in serverEnvSchema.shape))).toEqual([]);
  });

  it("names only /api paths the app serves, or the base of some", () => {
    const routes = appFiles.filter((file) => file.endsWith("/route.ts"));
    const unserved = apiPathsNamed(text).filter((apiPath) => !isServedPath(apiPath, routes) && !routes.some((file) => file.startsWith(`app${apiPath}/`)));
    expect(unserved).toEqual([]);
  });
});

describe("docs/QUICKSTART_USER.md", () => {
  it("opens the app's default port, and names only pages that exist", () => {
    expect(quickstart).toContain(`Open http://localhost:${parseServerEnv({}).PORT}.`);
    const pages = appFiles.filter((file) => file.endsWith("/page.tsx") || file === "app/page.tsx");
    const named = [...quickstart.matchAll(/http:\/\/localhost:\d+(\/[\w/-]*)?(?![\w/<])/g)].map((match) => match[1] ?? "/");
    const pagePaths = named.filter((pagePath) => !pagePath.startsWith("/api"));
    expect(pagePaths).toEqual(expect.arrayContaining(["/templates", "/settings"]));
    expect(pagePaths.filter((pagePath) => !isServedPath(pagePath, pages))).toEqual([]);
  });

  it("lists every template in the gallery, in its order, and nothing else", () => {
    const listed = section(quickstart, "Templates").match(/^- \*\*([^*]+)\*\*/gm)?.map((line) => line.slice(4, -2));
    expect(listed).toEqual(listTemplates().map((template) => template.name));
  });

  it("builds the first flow from nodes in the catalog, wired as a flow that compiles and runs is", () => {
    const steps = section(quickstart, "Your first flow").replace(/\n\s*/g, "\n").replace(/(?<!\n)\n(?!\d\. )/g, " ");
    const titles = bold(steps.split("\n").find((line) => line.startsWith("2. "))!);
    const titleOf = (type: string) => nodeKinds.find((kind) => kind.type === type)!.title;
    const graph = chatGraph();
    expect(titles.sort()).toEqual(graph.nodes.map((node) => titleOf(node.type)).sort());
    // chatGraph is the flow the engine and run tests execute; each of its edges is one the guide describes.
    for (const edge of graph.edges) {
      const [source, target] = [edge.source, edge.target].map((id) => nodeKinds.find((kind) => kind.type === graph.nodes.find((node) => node.id === id)!.type)!);
      const portLabel = (kind: typeof source, direction: "inputs" | "outputs", name: string) =>
        kind!.ports(kind!.configSchema.parse({}) as never)[direction].find((port) => port.name === name)!.label;
      const wire = `${source!.title}'s *${portLabel(source, "outputs", edge.sourceHandle!)}* to (the )?${target!.title}'s *${portLabel(target, "inputs", edge.targetHandle!)}*`;
      expect(steps).toMatch(new RegExp(wire.replace(/\*/g, "\\*")));
    }
  });

  it("names Settings panels and header links that the app renders", () => {
    const panels = [...quickstart.matchAll(/\*\*Settings → ([^*]+)\*\*/g)].map((match) => match[1]!);
    const settingsSource = readdirSync(path.join(root, "components/settings")).map((file) => read(`components/settings/${file}`)).join("\n");
    expect(panels.length).toBeGreaterThan(0);
    for (const panel of panels) expect(settingsSource).toContain(`title="${panel}"`);
  });
});
