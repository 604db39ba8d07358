// `npx tsx scripts/check-quickstart.ts`: runs docs/QUICKSTART_USER.md on a fresh clone of this repository and
// checks that what the guide says appears does appear. Its install step is replaced by linking this checkout's
// node_modules (hard links, as `npm install` would lay them out) and generating the Prisma clients, which is
// what `npm install` runs after fetching packages; everything else is the guide's own commands, with a fresh
// environment (defaults only), on a free port through the guide's `PORT=... npm run dev`, and a local server
// that speaks Ollama's protocol in place of Ollama. CI runs it from .ci/run. Exits 1 on the first difference.
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { serverEnvSchema } from "@/server/env.mjs";
import { listTemplates } from "@/lib/templates";
import { chatGraph } from "@/testing/flow-graphs";
import { startOllamaServer } from "@/testing/servers/ollama";

const repository = path.resolve(import.meta.dirname, "..");
const guide = readFileSync(path.join(repository, "docs/QUICKSTART_USER.md"), "utf8");
const execFileAsync = promisify(execFile);
const ANSWER = "Good morning: two meetings and one email that needs a reply.";

/** The lines of the first ```bash block after `## <title>`. */
function commandsUnder(title: string): string[] {
  const section = guide.split(/^## /m).find((part) => part.startsWith(`${title}\n`));
  const block = section?.match(/```bash\n([\s\S]*?)```/)?.[1];
  assert.ok(block, `docs/QUICKSTART_USER.md has no bash block under "## ${title}"`);
  return block.trim().split("\n").map((line) => line.trim());
}

/** Runs a command to its end and returns its stdout. Asynchronous: the local model server lives in this process. */
async function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  try {
    return (await execFileAsync(command, args, { ...options, encoding: "utf8", timeout: 300_000, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return assert.fail(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}\n${stderr ?? ""}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Whether any process of the group led by `pid` is still alive (signal 0 probes without signalling). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops `npm run dev` and everything it started, and returns once the whole process group is gone: Next.js
 * keeps writing `.next/dev` while it shuts down, and removing the clone under it fails with ENOTEMPTY.
 * SIGTERM first, SIGKILL for whatever is left after 10 s.
 */
async function stopGroup(pid: number): Promise<void> {
  if (!groupAlive(pid)) return;
  process.kill(-pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && groupAlive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
  for (let waited = 0; waited < 5_000 && groupAlive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** A clone of this repository's last commit, with node_modules hard-linked (copied where links cannot be made). */
async function freshClone(): Promise<string> {
  const folder = path.join(mkdtempSync(path.join(os.tmpdir(), "osmen-quickstart-")), "osmen-studio");
  await run("git", ["clone", "--quiet", repository, folder], { cwd: repository, env: process.env });
  const linked = spawnSync("cp", ["-al", path.join(repository, "node_modules"), folder]);
  if (linked.status !== 0) await run("cp", ["-a", path.join(repository, "node_modules"), folder], { cwd: folder, env: process.env });
  return folder;
}

/** The environment of someone who has set nothing: none of the app's variables, only what the check needs. */
function userEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
  for (const name of Object.keys(serverEnvSchema.shape)) if (!(name in extra)) delete env[name];
  return env;
}

async function waitForPage(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    assert.equal(server.exitCode, null, `npm run dev exited:\n${log()}`);
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.fail(`${url} did not answer 200 within 4 minutes:\n${log()}`);
}

async function page(origin: string, pagePath: string): Promise<string> {
  const response = await fetch(`${origin}${pagePath}`);
  assert.equal(response.status, 200, `${pagePath} answered ${response.status}`);
  return response.text();
}

/** A tRPC call as the app's own pages make it (superjson body, same-origin headers). */
async function trpc(origin: string, procedure: string, input?: unknown): Promise<unknown> {
  const headers = { "content-type": "application/json", origin, "sec-fetch-site": "same-origin" };
  const response =
    input === undefined
      ? await fetch(`${origin}/api/trpc/${procedure}`, { headers })
      : await fetch(`${origin}/api/trpc/${procedure}`, { method: "POST", headers, body: JSON.stringify({ json: input }) });
  const body = (await response.json()) as { result?: { data: { json: unknown } } };
  assert.equal(response.status, 200, `${procedure} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.result!.data.json;
}

async function main() {
  // The guide's install and start commands, and the port it opens.
  assert.deepEqual(commandsUnder("Install and start"), ["npm install", "npm run dev"]);
  assert.match(guide, /another port: `PORT=\d+ npm run dev`/);

  const clone = await freshClone();
  const ollama = await startOllamaServer({ models: ["llama3.2"], defaultResponse: { text: ANSWER } });
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const env = userEnvironment({ PORT: String(port), OLLAMA_HOST: ollama.url });
  let server: ChildProcess | undefined;
  try {
    // `npm install`, less the download: the Prisma clients it generates.
    await run("npm", ["run", "db:generate"], { cwd: clone, env });

    let log = "";
    server = spawn("npm", ["run", "dev"], { cwd: clone, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [server.stdout!, server.stderr!]) stream.on("data", (chunk: Buffer) => void (log += chunk.toString()));
    await waitForPage(`${origin}/`, server, () => log);
    console.log(`npm run dev answers on ${origin}`);

    assert.ok(existsSync(path.join(clone, "data", "osmen.db")), "data/osmen.db was not created on the first start");
    const home = await page(origin, "/");
    assert.match(home, /<h1>Flows<\/h1>/);
    assert.match(home, /href="\/templates"[^>]*>Templates</);
    assert.match(home, /href="\/settings"[^>]*>Settings</);
    assert.match(await page(origin, "/templates"), /<h1>Templates<\/h1>/);
    const settings = await page(origin, "/settings");
    for (const panel of [...guide.matchAll(/\*\*Settings → ([^*]+)\*\*/g)].map((match) => match[1]!)) assert.ok(settings.includes(`>${panel}<`), `Settings shows no "${panel}"`);
    console.log("the home, templates and settings pages show what the guide names");

    const templates = (await trpc(origin, "template.list")) as { name: string }[];
    assert.deepEqual(templates.map((template) => template.name), listTemplates().map((template) => template.name));
    console.log(`the gallery offers ${templates.length} templates`);

    // API keys: the guide's command, then its curl request against the first flow (input -> LLM on Ollama -> output).
    const created = await run("npm", ["run", "--silent", "osmen", "--", ...commandsUnder("API keys")[0]!.split(" ").slice(4)], { cwd: clone, env });
    const key = created.split("shown only this once:")[1]?.trim().split(/\s/)[0];
    assert.ok(key, `no key in:\n${created}`);
    const flow = (await trpc(origin, "flow.create", { name: "First flow", graph: chatGraph() })) as { id: string };
    const answer = await fetch(`${origin}/api/v1/flows/${flow.id}/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ input: "Hello" }),
    });
    const answerText = await answer.text();
    assert.equal(answer.status, 200, answerText);
    assert.ok(answerText.includes(ANSWER), `the run's answer is not the model's:\n${answerText}`);
    console.log("an API key created as the guide says runs the first flow over /api/v1");

    // The Daily Brief without Google.
    const briefCommand = commandsUnder("The Daily Brief")[0]!;
    assert.equal(briefCommand, "npm run daily-brief -- --provider ollama --sample-data");
    const brief = await run("npm", ["run", "--silent", ...briefCommand.split(" ").slice(2)], { cwd: clone, env });
    assert.ok(brief.includes(ANSWER), `the brief is not the model's answer:\n${brief}`);
    console.log("npm run daily-brief --sample-data prints the brief");
    console.log("\nThe quick start works as written.");
  } finally {
    if (server?.pid) await stopGroup(server.pid);
    await ollama.close();
    // Retries cover a file system that still settles the removed server's last writes.
    rmSync(path.dirname(clone), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
