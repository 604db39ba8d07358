import { describe, expect, it } from "vitest";
import { apiPathsNamed, assignedVariables, defaultDockerfileStage, dockerfileStage, isServedPath, npmScriptsNamed, terraformMapKeys, workerPathsNamed } from "./references.ts";

describe("references", () => {
  it("finds npm scripts, including npm start and npm test", () => {
    expect(npmScriptsNamed("npm ci\nnpm run build && npm start; npm run osmen -- help; npm test")).toEqual(["build", "osmen", "start", "test"]);
  });

  it("finds /api paths but not URLs' other parts or file names", () => {
    expect(apiPathsNamed("curl http://x/api/health/live?x=1 and /api/v1/runs/ and app/api/trpc, server/api/routers and /apix")).toEqual(["/api/health/live", "/api/v1/runs"]);
    expect(apiPathsNamed("POST http://localhost:3000/api/v1/flows/<flow id>/run")).toEqual(["/api/v1/flows/<flow id>/run"]);
  });

  it("matches a path to its route file, dynamic and catch-all segments included", () => {
    const routes = ["app/api/health/route.ts", "app/api/v1/runs/[id]/events/route.ts", "app/api/auth/[...all]/route.ts"];
    expect(isServedPath("/api/health", routes)).toBe(true);
    expect(isServedPath("/api/v1/runs/abc/events", routes)).toBe(true);
    expect(isServedPath("/api/v1/runs/<run id>/events", routes)).toBe(true);
    expect(isServedPath("/", ["app/page.tsx"])).toBe(true);
    expect(isServedPath("/api/auth/sign-in/email", routes)).toBe(true);
    expect(isServedPath("/api/health/live", routes)).toBe(false);
    expect(isServedPath("/api/v1/runs/abc", routes)).toBe(false);
  });

  it("reads env-file lines, Dockerfile ENV lines and their continuations", () => {
    expect(assignedVariables("# A=1\nB=2\nENV C=3 \\\n  D=4 \\\n  E=5\nexport F=6")).toEqual(["B", "C", "D", "E", "F"]);
  });

  it("reads the keys of one Terraform map", () => {
    const text = 'variable "env" {}\nlocals {\n  env = merge({\n    HOST = "0.0.0.0"\n    PORT = "3000"\n  }, var.env)\n}';
    expect(terraformMapKeys(text, "env")).toEqual(["HOST", "PORT"]);
    expect(terraformMapKeys(text, "other")).toEqual([]);
    const interpolated = 'secrets = {\n  URL = "postgresql://${var.host}/db"\n  KEY = random_bytes.key.base64\n}\nother = { NOT = 1 }';
    expect(terraformMapKeys(interpolated, "secrets")).toEqual(["URL", "KEY"]);
  });

  it("finds the worker's paths but not the app's /api ones or source folders", () => {
    const text = "fetch('http://127.0.0.1:3001/health/live') path: /health/ready metrics_path: /metrics /api/health/live /api/metrics server/health/readiness.ts";
    expect(workerPathsNamed(text)).toEqual(["/health/live", "/health/ready", "/metrics"]);
  });

  it("cuts a Dockerfile into its stages and names the default one", () => {
    const dockerfile = "ARG V=1\nFROM node AS deps\nRUN a\nFROM deps AS worker\nCMD [\"w\"]\n\nFROM node AS runtime\nCMD [\"r\"]\n";
    expect(dockerfileStage(dockerfile, "worker")).toBe("FROM deps AS worker\nCMD [\"w\"]\n\n");
    expect(dockerfileStage(dockerfile, "runtime")).toContain('CMD ["r"]');
    expect(() => dockerfileStage(dockerfile, "build")).toThrow("no stage named build");
    expect(defaultDockerfileStage(dockerfile)).toBe("runtime");
  });
});
