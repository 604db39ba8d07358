import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeOllamaHost } from "@/lib/llm/ollama/ollama-client";
import { parseServerEnv, serverEnvSchema } from "./env.mjs";

const problem = (env: Record<string, string>) => {
  try {
    parseServerEnv(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the environment to be refused");
};

describe("the environment schema", () => {
  it("accepts every OLLAMA_HOST spelling Ollama documents, parsed as the adapter parses it", () => {
    for (const host of ["0.0.0.0", "0.0.0.0:11434", "127.0.0.1:8080", ":1234", "localhost", "http://ollama.internal:11434", "https://ollama.example.com"]) {
      expect(parseServerEnv({ OLLAMA_HOST: host }).OLLAMA_HOST).toBe(normalizeOllamaHost(host));
    }
    expect(parseServerEnv({ OLLAMA_HOST: "0.0.0.0" }).OLLAMA_HOST).toBe("http://127.0.0.1:11434");
  });

  it("names the variable and a valid example for a bad value, every bad one at once", () => {
    const message = problem({ OLLAMA_HOST: "http://bad host", PORT: "eighty", OSMEN_ORIGIN: "https://studio.example.com/app", OPENAI_BASE_URL: "api.openai.com" });
    expect(message).toContain('OLLAMA_HOST: "http://bad host" is not a host; e.g. 127.0.0.1:11434');
    expect(message).toContain("PORT: must be a whole number, e.g. 3000");
    expect(message).toContain('OSMEN_ORIGIN: "https://studio.example.com/app" is not an origin');
    expect(message).toContain("OPENAI_BASE_URL: must be an http(s) URL, e.g. https://api.openai.com/v1");
    expect(problem({ OSMEN_SECRET_KEY: "c2hvcnQ=" })).toContain("OSMEN_SECRET_KEY: must be 32 random bytes in base64");
    expect(problem({ OSMEN_MAX_CONCURRENT_RUNS: "0" })).toContain("OSMEN_MAX_CONCURRENT_RUNS: must be at least 1, e.g. 8");
  });

  it("treats blank values as unset and fills the documented defaults", () => {
    const env = parseServerEnv({ OLLAMA_HOST: " ", PORT: "", OSMEN_TRUST_PROXY: "" });
    expect(env).toMatchObject({ OLLAMA_HOST: undefined, PORT: 3000, DATABASE_URL: "file:./data/osmen.db", OSMEN_MAX_CONCURRENT_RUNS: 8, OSMEN_TRUST_PROXY: "0" });
    expect(parseServerEnv({ OSMEN_ORIGIN: "https://studio.example.com/, http://127.0.0.1:3306" }).OSMEN_ORIGIN).toEqual([
      "https://studio.example.com",
      "http://127.0.0.1:3306",
    ]);
  });

  it("covers every variable the README documents", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const documented = new Set<string>();
    for (const row of readme.split("\n").filter((line) => /^\| `[A-Z]/.test(line))) {
      const firstCell = row.split("|")[1]!;
      for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) documented.add(match[1]!);
    }
    expect(documented.size).toBeGreaterThanOrEqual(22);
    const covered = Object.keys(serverEnvSchema.shape);
    expect([...documented].filter((name) => !covered.includes(name))).toEqual([]);
  });
});
