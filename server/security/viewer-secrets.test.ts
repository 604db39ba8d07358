// Secrets written into a flow reach only those who may save it: a viewer gets the flow (and its versions,
// and its name in lists) as an export carries it, while the owner and editors get it as stored. Key-shaped
// values in a flow's name and description are removed wherever the graph is: export, share view, duplicates.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/flow/graph-schema";
import { createVault } from "@/lib/secrets";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createRunService } from "@/server/runs/run-service";
import { createServices } from "@/server/services";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createScriptedProvider } from "@/testing/scripted-provider";
import { createTestUser, type TestUser } from "@/testing/users";

const secret = {
  bearer: "eyJhbGciOiJIUzI1NiJ9.owner-session-3f9a",
  cookie: "sid=owner-cookie-77c1",
  urlPassword: "pw-in-url-5e2d",
  urlKey: "query-key-91b4",
  openai: "sk-proj-Ab3dEf9hIjKlMnOpQrStUvWx",
  github: "ghp_1234567890abcdefghijABCDEFGHIJ123456",
  anthropic: "sk-ant-api03-Zz9yXw8vUt7sRq6pOn5m",
  slack: "xoxb-123456789012-abcdefABCDEF",
};
const all = Object.values(secret);

const name = `Deploy bot ${secret.openai}`;
const description = `Uses ${secret.github} and ${secret.slack}`;

function graphWithSecrets(): FlowGraph {
  return {
    version: 1,
    nodes: [
      {
        id: "http",
        type: "tool.http",
        position: { x: 0, y: 0 },
        data: {
          label: `GitHub ${secret.github}`,
          config: {
            url: `https://ci:${secret.urlPassword}@api.example.com/deploy?api_key=${secret.urlKey}&env=prod`,
            headers: { Authorization: `Bearer ${secret.bearer}`, Cookie: secret.cookie, Accept: "application/json" },
            body: `{"key": "${secret.openai}"}`,
          },
        },
      },
      { id: "agent", type: "agent", position: { x: 200, y: 0 }, data: { config: { instructions: `Call the API with ${secret.anthropic}.` } } },
    ],
    edges: [],
  };
}

const leaked = (value: unknown) => all.filter((each) => JSON.stringify(value).includes(each));

describe.each(testDatabases())("who sees a flow's secrets on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let runs: ReturnType<typeof createRunService>;
  const provider = createScriptedProvider({ respond: () => "ok" });
  let owner: TestUser;
  let viewer: TestUser;
  let editor: TestUser;
  let flowId: string;
  const callers = new Map<string, ReturnType<typeof createCaller>>();
  const as = (user: TestUser) => callers.get(user.id)!;

  beforeAll(async () => {
    database = await create();
    const vault = createVault(randomBytes(32));
    const services = createServices(database, () => vault);
    runs = createRunService({ db: database, flows: services.flows }, { maxConcurrentRuns: 2, runTimeoutMs: 20_000, providers: () => provider });
    owner = await createTestUser(database, { name: "Ada Owner" });
    viewer = await createTestUser(database, { name: "Vi Viewer", email: "vi@example.test" });
    editor = await createTestUser(database, { name: "Ed Editor", email: "ed@example.test" });
    for (const user of [owner, viewer, editor]) {
      callers.set(user.id, createCaller(await createContext({ headers: new Headers(), caller: user.caller, app: { db: database, runs, services } })));
    }
    const flow = await as(owner).flow.create({ name, description, graph: graphWithSecrets() });
    // A second save, so there is an earlier version to read.
    const saved = await as(owner).flow.update({ id: flow.id, version: flow.version, graph: graphWithSecrets() });
    expect(saved.version).toBe(2);
    flowId = flow.id;
    await as(owner).flowMember.add({ flowId, email: "vi@example.test", role: "viewer" });
    await as(owner).flowMember.add({ flowId, email: "ed@example.test", role: "editor" });
  });
  afterAll(async () => {
    await runs?.idle();
    await database?.drop();
  });

  it("a viewer opens the flow with the same removals as an export", async () => {
    const seen = await as(viewer).flow.get({ id: flowId });
    expect(leaked(seen)).toEqual([]);
    const exported = await as(owner).flow.export({ id: flowId });
    expect(seen).toMatchObject({ access: "viewer", name: exported.name, description: exported.description, graph: exported.graph });
    expect(seen.graph.nodes[0]!.data).toEqual({
      label: "GitHub [removed]",
      config: { url: "https://api.example.com/deploy?env=prod", headers: { Accept: "application/json" }, body: '{"key": "[removed]"}' },
    });
    expect(seen.graph.nodes[1]!.data).toEqual({ config: { instructions: "Call the API with [removed]." } });
  });

  it("a viewer's list and version history carry no secret either", async () => {
    const listed = (await as(viewer).flow.list()).find((each) => each.id === flowId);
    expect(listed).toMatchObject({ name: "Deploy bot [removed]", description: "Uses [removed] and [removed]" });
    const versions = await as(viewer).flow.versions({ id: flowId });
    expect(versions.map((each) => each.name)).toEqual(["Deploy bot [removed]"]);
    expect(leaked(await as(viewer).flow.getVersion({ id: flowId, version: 1 }))).toEqual([]);
  });

  it("the owner and an editor, who save the flow back, get it as stored", async () => {
    for (const user of [owner, editor]) {
      const flow = await as(user).flow.get({ id: flowId });
      expect(flow).toMatchObject({ name, description });
      expect(flow.graph).toEqual(graphWithSecrets());
      expect((await as(user).flow.getVersion({ id: flowId, version: 1 })).graph).toEqual(graphWithSecrets());
      expect((await as(user).flow.list()).find((each) => each.id === flowId)).toMatchObject({ name, description });
    }
  });

  it("a viewer's run runs the flow as stored: what their browser gets changes no run", async () => {
    const system = `Sign requests with ${secret.anthropic}.`;
    const flow = await as(owner).flow.create({ name: "Signed chat", graph: chatGraph({ system }) });
    await as(owner).flowMember.add({ flowId: flow.id, email: "vi@example.test", role: "viewer" });
    expect(leaked(await as(viewer).flow.get({ id: flow.id }))).toEqual([]);
    const { runId } = await as(viewer).run.start({ flowId: flow.id, input: "hi" });
    await runs.idle();
    expect(await as(viewer).run.get({ runId })).toMatchObject({ status: "succeeded" });
    expect(provider.calls.at(-1)!.messages[0]).toMatchObject({ role: "system", content: system });
  });

  it("export names what it removed from the flow's name and description", async () => {
    const exported = await as(owner).flow.export({ id: flowId });
    expect(leaked(exported)).toEqual([]);
    expect(exported).toMatchObject({ name: "Deploy bot [removed]", description: "Uses [removed] and [removed]" });
    expect(exported.removedSecrets?.slice(0, 2)).toEqual([
      { path: "name", reason: "value shaped like a key" },
      { path: "description", reason: "value shaped like a key" },
    ]);
  });

  it("the share view and both duplicates carry no key in the name or description", async () => {
    const { token } = await as(owner).share.create({ flowId });
    expect(leaked(await as(owner).share.view({ token }))).toEqual([]);
    const fromShare = await as(viewer).share.duplicate({ token });
    expect(leaked(fromShare)).toEqual([]);
    expect(fromShare).toMatchObject({ name: "Deploy bot [removed] (copy)", description: "Uses [removed] and [removed]" });
    for (const user of [owner, viewer]) {
      const copy = await as(user).flow.duplicate({ id: flowId });
      expect(leaked(copy)).toEqual([]);
      expect(leaked(await as(user).flow.get({ id: copy.id }))).toEqual([]);
    }
  });
});
