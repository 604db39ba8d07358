// The deployment files against the app they deploy: every file parses, and every variable, probe path,
// port and command they name exists in the app (variables in server/env.mjs, paths under app/api and the
// worker's own paths, scripts in package.json), so a renamed variable or route fails here rather than in
// someone's cluster. The files run queue mode (README, "Queue mode"): app and worker processes sharing
// PostgreSQL and Redis.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { parseServerEnv, serverEnvSchema } from "@/server/env.mjs";
import { migrationsFolder } from "@/server/db/migrate";
import {
  apiPathsNamed,
  assignedVariables,
  defaultDockerfileStage,
  dockerfileStage,
  isServedPath,
  npmScriptsNamed,
  terraformMapKeys,
  workerPathsNamed,
} from "./references.ts";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const filesUnder = (folder: string, pattern: RegExp) =>
  readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(folder, file).split(path.sep).join("/"))
    .filter((file) => pattern.test(file));

type Manifest = { kind: string; metadata?: { name?: string }; data?: Record<string, string>; spec?: Record<string, never> };
const k8sManifests = (): Manifest[] =>
  filesUnder("deploy/k8s", /\.ya?ml$/).flatMap((file) => parseAllDocuments(read(file)).map((document) => document.toJS() as Manifest));
const manifests = (kind: string) => k8sManifests().filter((entry) => entry.kind === kind) as Record<string, any>[];
const manifest = (kind: string, name?: string) => manifests(kind).find((entry) => name === undefined || entry.metadata?.name === name) as Record<string, any>;
const appContainer = () => manifest("Deployment", "osmen-studio").spec.template.spec.containers[0];
const workerPod = () => manifest("Deployment", "osmen-worker").spec.template.spec;
const workerContainer = () => workerPod().containers[0];
/** compose.yaml as Docker Compose reads it: `<<: *anchor` merges the shared settings into a service. */
const compose = () => parseYaml(read("compose.yaml"), { merge: true });
const dockerStage = (name: string) => dockerfileStage(read("Dockerfile"), name);

const yamlFiles = ["compose.yaml", ...filesUnder("deploy", /\.ya?ml$/)];
const deploymentFiles = ["Dockerfile", ...yamlFiles, ...filesUnder("deploy", /(\.tf|\.json|\.example|Caddyfile|\.sh)$/)];

// Read by Next.js itself, not by the app: the standalone server's bind address, and telemetry.
const NEXT_VARIABLES = new Set(["HOSTNAME", "NEXT_TELEMETRY_DISABLED"]);
// Read by Node.js itself: the image's heap cap (README, Operations).
const NODE_VARIABLES = new Set(["NODE_OPTIONS"]);
const appVariables = new Set([...Object.keys(serverEnvSchema.shape), ...NEXT_VARIABLES, ...NODE_VARIABLES]);
const defaults = parseServerEnv({});
const defaultPort = defaults.PORT;
const workerPort = defaults.OSMEN_WORKER_PORT;
// What the worker's own HTTP server answers on OSMEN_WORKER_PORT (README, "Queue mode"; the worker has no
// Next.js, so these are not routes under app/).
const WORKER_PATHS = ["/health/live", "/health/ready", "/metrics"];
// Redis's own port: the ElastiCache cluster and the security group that lets the app and workers reach it.
const REDIS_PORT = 6379;

/**
 * A compose service's environment as Docker Compose resolves it from `.env`: `${NAME:?message}` and `${NAME}`
 * take the value in `dotEnv`, `${NAME:-default}` takes it or the default. @throws when a required name is missing.
 */
function composeEnvironment(service: string, dotEnv: Record<string, string>): Record<string, string> {
  const environment = compose().services[service].environment as Record<string, string | number>;
  const resolve = (value: string) =>
    value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_match, name: string, operator?: string, fallback?: string) => {
      if (name in dotEnv) return dotEnv[name]!;
      if (operator === "-") return fallback ?? "";
      throw new Error(`${service}: ${name} is required (${fallback})`);
    });
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, resolve(String(value))]));
}
/** A `.env` as deploy/README.md tells people to write it. */
const dotEnv = {
  OSMEN_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
  BETTER_AUTH_SECRET: "a-session-secret-of-forty-characters-xx",
  POSTGRES_PASSWORD: "0123456789abcdef",
  REDIS_PASSWORD: "fedcba9876543210",
};

describe("deployment files", () => {
  it("parse: every YAML document and JSON file", () => {
    for (const file of yamlFiles) {
      for (const document of parseAllDocuments(read(file))) expect(document.errors, file).toEqual([]);
    }
    for (const file of filesUnder("deploy", /\.json$/)) expect(() => JSON.parse(read(file)), file).not.toThrow();
  });

  it("name only variables the app reads (server/env.mjs)", () => {
    const services = compose().services;
    const named: Record<string, string[]> = {
      Dockerfile: assignedVariables(read("Dockerfile")),
      "Dockerfile (worker)": assignedVariables(dockerStage("worker")),
      "compose.yaml (app)": Object.keys(services.app.environment),
      "compose.yaml (worker)": Object.keys(services.worker.environment),
      "deploy/k8s/configmap.yaml": Object.keys(manifest("ConfigMap").data),
      "deploy/k8s/deployment.yaml": (appContainer().env ?? []).map((entry: { name: string }) => entry.name),
      "deploy/k8s/secrets.env.example": assignedVariables(read("deploy/k8s/secrets.env.example")),
      "deploy/terraform/ecs.tf": terraformMapKeys(read("deploy/terraform/ecs.tf"), "app_environment"),
      "deploy/terraform/worker.tf": terraformMapKeys(read("deploy/terraform/worker.tf"), "worker_environment"),
      "deploy/terraform/secrets.tf": terraformMapKeys(read("deploy/terraform/secrets.tf"), "app_secrets"),
    };
    // The worker pods take every setting from the same ConfigMap and Secret as the app pods.
    expect(workerContainer().env).toBeUndefined();
    expect(workerContainer().envFrom).toEqual(appContainer().envFrom);
    for (const [file, variables] of Object.entries(named)) {
      expect(variables.length, `${file} names no variables: the extraction broke`).toBeGreaterThan(0);
      expect(variables.filter((name) => !appVariables.has(name)), file).toEqual([]);
    }
  });

  it("give every setting a value the app accepts", () => {
    expect(() => parseServerEnv(manifest("ConfigMap").data)).not.toThrow();
  });

  it("run queue mode: REDIS_URL beside a PostgreSQL DATABASE_URL, for the app and the worker alike", () => {
    const secrets = Object.fromEntries([...read("deploy/k8s/secrets.env.example").matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));
    const k8s = parseServerEnv({ ...manifest("ConfigMap").data, ...secrets });
    expect([k8s.REDIS_URL, k8s.DATABASE_URL]).toEqual([expect.stringMatching(/^redis:\/\//), expect.stringMatching(/^postgresql:\/\//)]);
    for (const service of ["app", "worker"]) {
      const env = parseServerEnv(composeEnvironment(service, dotEnv));
      expect(env.REDIS_URL, service).toBe(`redis://:${dotEnv.REDIS_PASSWORD}@redis:6379`);
      expect(env.DATABASE_URL, service).toBe(`postgresql://osmen:${dotEnv.POSTGRES_PASSWORD}@postgres:5432/osmen`);
    }
    const redis = compose().services.redis;
    expect(redis.command.join(" ")).toContain("--maxmemory-policy noeviction");
    expect(redis.volumes).toEqual(["redis-data:/data"]);
    expect(redis.healthcheck.test.join(" ")).toContain("redis-cli ping");
    // ElastiCache encrypts in transit, so the URL handed to both task definitions is rediss://.
    const secretsTf = read("deploy/terraform/secrets.tf");
    expect(terraformMapKeys(secretsTf, "app_secrets")).toContain("REDIS_URL");
    expect(secretsTf).toMatch(/REDIS_URL\s*=\s*"rediss:\/\//);
    expect(read("deploy/terraform/redis.tf")).toMatch(/transit_encryption_enabled\s*=\s*true/);
    for (const file of ["ecs.tf", "worker.tf"]) expect(read(`deploy/terraform/${file}`), file).toMatch(/secrets\s*=\s*\[for key, secret in aws_secretsmanager_secret\.app :/);
  });

  it("let only the app and the workers reach Redis, in the private subnets", () => {
    const network = read("deploy/terraform/network.tf");
    const redisGroup = network.slice(network.indexOf('resource "aws_security_group" "redis"'));
    expect(redisGroup).toMatch(/security_groups\s*=\s*\[aws_security_group\.app\.id, aws_security_group\.worker\.id\]\s*\n\s*\}\s*\n\}/);
    expect(redisGroup.slice(0, redisGroup.indexOf("\n}\n"))).not.toContain("cidr_blocks");
    const redis = read("deploy/terraform/redis.tf");
    expect(redis).toContain("subnet_ids = aws_subnet.private[*].id");
    expect(redis).toMatch(/security_group_ids\s*=\s*\[aws_security_group\.redis\.id\]/);
  });

  it("probe and route only paths the app serves (app/api/**/route.ts)", () => {
    const routeFiles = filesUnder("app/api", /\/route\.ts$/);
    const named = deploymentFiles.flatMap((file) => apiPathsNamed(read(file)).map((apiPath) => ({ file, apiPath })));
    expect(named.map((entry) => entry.apiPath)).toEqual(expect.arrayContaining(["/api/health/live", "/api/health/ready"]));
    expect(named.filter(({ apiPath }) => !isServedPath(apiPath, routeFiles))).toEqual([]);
  });

  it("probe and scrape only the paths the worker serves on its own port", () => {
    const named = deploymentFiles.flatMap((file) => workerPathsNamed(read(file)).map((workerPath) => ({ file, workerPath })));
    expect(new Set(named.map((entry) => entry.workerPath))).toEqual(new Set(WORKER_PATHS));
    const worker = workerContainer();
    expect([worker.startupProbe, worker.livenessProbe, worker.readinessProbe].map((probe) => probe.httpGet.path)).toEqual(["/health/live", "/health/live", "/health/ready"]);
    const port = worker.ports.find((entry: { name: string }) => entry.name === worker.livenessProbe.httpGet.port);
    expect(port.containerPort).toBe(workerPort);
    expect(worker.readinessProbe.httpGet.port).toBe(port.name);
    expect(Number(manifest("ConfigMap").data.OSMEN_WORKER_PORT)).toBe(workerPort);
    const stage = dockerStage("worker");
    expect(stage).toContain(`OSMEN_WORKER_PORT=${workerPort}`);
    expect(stage).toContain(`EXPOSE ${workerPort}`);
    expect(stage).toMatch(/HEALTHCHECK[^\n]*\\\n[^\n]*process\.env\.OSMEN_WORKER_PORT \+ '\/health\/live'/);
    expect(compose().services.worker.healthcheck.test.join(" ")).toContain(`http://127.0.0.1:${workerPort}/health/`);
    expect(Number(compose().services.worker.environment.OSMEN_WORKER_PORT)).toBe(workerPort);
    const workerTf = read("deploy/terraform/worker.tf");
    expect(workerTf).toContain(`http://127.0.0.1:${workerPort}/health/live`);
    expect(terraformMapKeys(workerTf, "worker_environment")).toContain("OSMEN_WORKER_PORT");
    expect(workerTf).toMatch(new RegExp(`OSMEN_WORKER_PORT\\s*=\\s*"${workerPort}"`));
  });

  it("give a stopping worker longer than OSMEN_SHUTDOWN_MS before it is killed", () => {
    const shutdownMs = (settings: Record<string, string>) => parseServerEnv(settings).OSMEN_SHUTDOWN_MS;
    expect(workerPod().terminationGracePeriodSeconds * 1000).toBeGreaterThan(shutdownMs(manifest("ConfigMap").data));
    const worker = compose().services.worker;
    expect(Number(/^(\d+)s$/.exec(worker.stop_grace_period)![1]) * 1000).toBeGreaterThan(shutdownMs(composeEnvironment("worker", dotEnv)));
    const workerTf = read("deploy/terraform/worker.tf");
    const stopTimeout = Number(/stopTimeout\s*=\s*(\d+)/.exec(workerTf)![1]);
    const terraformShutdown = /OSMEN_SHUTDOWN_MS\s*=\s*"(\d+)"/.exec(workerTf)![1]!;
    expect(stopTimeout).toBeLessThanOrEqual(120); // Fargate's most
    expect(stopTimeout * 1000).toBeGreaterThan(shutdownMs({ OSMEN_SHUTDOWN_MS: terraformShutdown }));
  });

  it("scale the app and the workers on CPU, each Deployment leaving its replica count to the autoscaler", () => {
    const autoscalers = manifests("HorizontalPodAutoscaler");
    expect(autoscalers.map((entry) => entry.spec.scaleTargetRef.name).sort()).toEqual(["osmen-studio", "osmen-worker"]);
    for (const autoscaler of autoscalers) {
      const target = manifest("Deployment", autoscaler.spec.scaleTargetRef.name);
      expect(autoscaler.apiVersion).toBe("autoscaling/v2");
      expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: target.metadata.name });
      expect(autoscaler.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: expect.any(Number) } } }]);
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(target.spec.replicas).toBeUndefined();
      expect(target.spec.template.spec.containers[0].resources.requests.cpu).toBeDefined();
    }
    expect(read("deploy/k8s/kustomization.yaml")).toContain("- autoscaling.yaml");
  });

  it("probe the live path for liveness and the ready path for readiness", () => {
    const container = appContainer();
    expect(container.livenessProbe.httpGet.path).toBe("/api/health/live");
    expect(container.startupProbe.httpGet.path).toBe("/api/health/live");
    expect(container.readinessProbe.httpGet.path).toBe("/api/health/ready");
    expect(dockerStage("runtime")).toMatch(/HEALTHCHECK[^\n]*\\\n[^\n]*\/api\/health\/live/);
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
    expect(compose().services.app.ports).toEqual([`127.0.0.1:${defaultPort}:${defaultPort}`]);
    expect(compose().services.worker.ports).toBeUndefined();
    const terraform = filesUnder("deploy/terraform", /\.tf$/).map(read).join("\n");
    for (const match of terraform.matchAll(/(?:containerPort|container_port|from_port|to_port|port)\s*=\s*"?(\d+)"?/g)) {
      expect([defaultPort, 80, 443, 5432, REDIS_PORT, 0], match[0]).toContain(Number(match[1]));
    }
    expect(terraform).toContain(`:${REDIS_PORT}"`);
    expect(read("deploy/ssl/Caddyfile")).toContain(`{$OSMEN_UPSTREAM:127.0.0.1:${defaultPort}}`);
  });

  it("run only npm scripts that exist, and copy the migrations from where the server reads them", () => {
    const scripts = Object.keys(JSON.parse(read("package.json")).scripts);
    const named = deploymentFiles.flatMap((file) => npmScriptsNamed(read(file)));
    expect(named).toEqual(expect.arrayContaining(["build", "worker"]));
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
    for (const provider of ["sqlite", "postgresql"] as const) {
      const folder = path.relative(root, migrationsFolder(provider, root)).split(path.sep).join("/");
      expect(read("Dockerfile")).toContain(`COPY --from=build /app/${folder} ./${folder}`);
    }
  });
});

describe("the worker image", () => {
  const stage = dockerStage("worker");

  it("runs `npm run worker`'s program as one process, so SIGTERM reaches the worker", () => {
    const [runner, entry] = (JSON.parse(read("package.json")).scripts.worker as string).split(" ");
    expect(runner).toBe("tsx");
    expect(stage).toMatch(new RegExp(`^CMD \\["node", "--import", "tsx", "${entry!.replaceAll(".", "\\.")}"\\]$`, "m"));
    expect(stage).not.toMatch(/^CMD \["npm"/m);
  });

  it("carries the source and every package tsx needs, runs as the unprivileged user, and leaves the app image the default", () => {
    expect(stage).toContain("COPY --from=deps /app/node_modules ./node_modules");
    expect(stage).toContain("COPY . .");
    expect(stage).toContain("COPY --from=deps /app/server/db/generated ./server/db/generated");
    expect(stage).toMatch(/^USER node$/m);
    expect(defaultDockerfileStage(read("Dockerfile"))).toBe("runtime");
    expect(read("Dockerfile")).toContain("docker build --target worker");
  });

  it("is what compose, Kubernetes and Terraform run as the worker", () => {
    expect(compose().services.worker.build).toEqual({ context: ".", target: "worker" });
    expect(workerContainer().image).toBe("osmen-studio-worker");
    expect(parseYaml(read("deploy/k8s/kustomization.yaml")).images.map((image: { name: string }) => image.name)).toContain("osmen-studio-worker");
    expect(read("deploy/terraform/worker.tf")).toMatch(/image\s*=\s*var\.worker_image/);
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
