// The deployment files against the app they deploy: every file parses, and every variable, probe path,
// port and command they name exists in the app (variables in server/env.mjs, paths under app/api, scripts in
// package.json), so a renamed variable or route fails here rather than in someone's cluster.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { parseServerEnv, serverEnvSchema } from "@/server/env.mjs";
import { migrationsFolder } from "@/server/db/migrate";
import { apiPathsNamed, assignedVariables, isServedPath, npmScriptsNamed, terraformMapKeys } from "./references.ts";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const filesUnder = (folder: string, pattern: RegExp) =>
  readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(folder, file).split(path.sep).join("/"))
    .filter((file) => pattern.test(file));

type Manifest = { kind: string; data?: Record<string, string>; spec?: Record<string, never> };
const k8sManifests = (): Manifest[] =>
  filesUnder("deploy/k8s", /\.ya?ml$/).flatMap((file) => parseAllDocuments(read(file)).map((document) => document.toJS() as Manifest));
const manifest = (kind: string) => k8sManifests().find((entry) => entry.kind === kind) as Record<string, any>;
const appContainer = () => manifest("Deployment").spec.template.spec.containers[0];

const yamlFiles = ["compose.yaml", ...filesUnder("deploy", /\.ya?ml$/)];
const deploymentFiles = ["Dockerfile", ...yamlFiles, ...filesUnder("deploy", /(\.tf|\.json|\.example|Caddyfile|\.sh)$/)];

// Read by Next.js itself, not by the app: the standalone server's bind address, and telemetry.
const NEXT_VARIABLES = new Set(["HOSTNAME", "NEXT_TELEMETRY_DISABLED"]);
// Read by Node.js itself: the image's heap cap (README, Operations).
const NODE_VARIABLES = new Set(["NODE_OPTIONS"]);
const appVariables = new Set([...Object.keys(serverEnvSchema.shape), ...NEXT_VARIABLES, ...NODE_VARIABLES]);
const defaultPort = parseServerEnv({}).PORT;

describe("deployment files", () => {
  it("parse: every YAML document and JSON file", () => {
    for (const file of yamlFiles) {
      for (const document of parseAllDocuments(read(file))) expect(document.errors, file).toEqual([]);
    }
    for (const file of filesUnder("deploy", /\.json$/)) expect(() => JSON.parse(read(file)), file).not.toThrow();
  });

  it("name only variables the app reads (server/env.mjs)", () => {
    const compose = parseYaml(read("compose.yaml"));
    const named: Record<string, string[]> = {
      Dockerfile: assignedVariables(read("Dockerfile")),
      "compose.yaml (app)": Object.keys(compose.services.app.environment),
      "deploy/k8s/configmap.yaml": Object.keys(manifest("ConfigMap").data),
      "deploy/k8s/deployment.yaml": (appContainer().env ?? []).map((entry: { name: string }) => entry.name),
      "deploy/k8s/secrets.env.example": assignedVariables(read("deploy/k8s/secrets.env.example")),
      "deploy/terraform/ecs.tf": terraformMapKeys(read("deploy/terraform/ecs.tf"), "app_environment"),
      "deploy/terraform/secrets.tf": terraformMapKeys(read("deploy/terraform/secrets.tf"), "app_secrets"),
    };
    for (const [file, variables] of Object.entries(named)) {
      expect(variables.length, `${file} names no variables: the extraction broke`).toBeGreaterThan(0);
      expect(variables.filter((name) => !appVariables.has(name)), file).toEqual([]);
    }
  });

  it("give every setting a value the app accepts", () => {
    expect(() => parseServerEnv(manifest("ConfigMap").data)).not.toThrow();
  });

  it("probe and route only paths the app serves (app/api/**/route.ts)", () => {
    const routeFiles = filesUnder("app/api", /\/route\.ts$/);
    const named = deploymentFiles.flatMap((file) => apiPathsNamed(read(file)).map((apiPath) => ({ file, apiPath })));
    expect(named.map((entry) => entry.apiPath)).toEqual(expect.arrayContaining(["/api/health/live", "/api/health/ready"]));
    expect(named.filter(({ apiPath }) => !isServedPath(apiPath, routeFiles))).toEqual([]);
  });

  it("probe the live path for liveness and the ready path for readiness", () => {
    const container = appContainer();
    expect(container.livenessProbe.httpGet.path).toBe("/api/health/live");
    expect(container.startupProbe.httpGet.path).toBe("/api/health/live");
    expect(container.readinessProbe.httpGet.path).toBe("/api/health/ready");
    expect(read("Dockerfile")).toMatch(/HEALTHCHECK[^\n]*\\\n[^\n]*\/api\/health\/live/);
    expect(read("deploy/terraform/load-balancer.tf")).toMatch(/path\s*=\s*"\/api\/health\/ready"/);
  });

  it("agree on the app's port with the app's own default", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toContain(`EXPOSE ${defaultPort}`);
    expect(dockerfile).toContain(`PORT=${defaultPort}`);
    const container = appContainer();
    const containerPort = container.ports.find((port: { name: string }) => port.name === "http").containerPort;
    expect([containerPort, Number(manifest("ConfigMap").data.PORT)]).toEqual([defaultPort, defaultPort]);
    expect(manifest("Service").spec.ports[0].targetPort).toBe("http");
    expect(manifest("Ingress").spec.rules[0].http.paths[0].backend.service.port.name).toBe(manifest("Service").spec.ports[0].name);
    expect(parseYaml(read("compose.yaml")).services.app.ports).toEqual([`127.0.0.1:${defaultPort}:${defaultPort}`]);
    const terraform = read("deploy/terraform/ecs.tf") + read("deploy/terraform/load-balancer.tf") + read("deploy/terraform/network.tf");
    for (const match of terraform.matchAll(/(?:containerPort|container_port|from_port|to_port|port)\s*=\s*"?(\d+)"?/g)) {
      expect([defaultPort, 80, 443, 5432, 0], match[0]).toContain(Number(match[1]));
    }
    expect(read("deploy/ssl/Caddyfile")).toContain(`{$OSMEN_UPSTREAM:127.0.0.1:${defaultPort}}`);
  });

  it("run only npm scripts that exist, and copy the migrations from where the server reads them", () => {
    const scripts = Object.keys(JSON.parse(read("package.json")).scripts);
    const named = deploymentFiles.flatMap((file) => npmScriptsNamed(read(file)));
    expect(named).toContain("build");
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
    for (const provider of ["sqlite", "postgresql"] as const) {
      const folder = path.relative(root, migrationsFolder(provider, root)).split(path.sep).join("/");
      expect(read("Dockerfile")).toContain(`COPY --from=build /app/${folder} ./${folder}`);
    }
  });
});

describe("the standalone build the Dockerfile runs", () => {
  afterEach(() => vi.unstubAllEnvs());

  const nextConfigWith = async (variables: Record<string, string>) => {
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
    vi.resetModules(); // next.config reads the environment once per module instance
    return (await import("@/next.config.mjs")).default as { output?: string };
  };

  it("is switched on by the Dockerfile's OSMEN_STANDALONE_BUILD=1 and off otherwise (next start needs the default)", async () => {
    expect(read("Dockerfile")).toMatch(/^ENV [^\n]*OSMEN_STANDALONE_BUILD=1/m);
    expect(read("Dockerfile")).toMatch(/^CMD \["node", "server\.js"\]$/m);
    expect((await nextConfigWith({ OSMEN_STANDALONE_BUILD: "1" })).output).toBe("standalone");
    expect((await nextConfigWith({ OSMEN_STANDALONE_BUILD: "" })).output).toBeUndefined();
  });
});
