import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { testDatabases } from "@/testing/databases";
import { chatGraph } from "@/testing/flow-graphs";
import { createTestUser, type TestUser } from "@/testing/users";
import { createFlowMemberService } from "./flow-member-service";
import { createFlowService, type FlowService } from "./flow-service";
import { createFlowToolService, type FlowToolService } from "./flow-tool-service";

describe.each(testDatabases())("flow tool settings on $provider", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let flows: FlowService;
  let tools: FlowToolService;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    database = await create();
    flows = createFlowService(database);
    tools = createFlowToolService(database);
    [owner, other] = [await createTestUser(database), await createTestUser(database)];
  });
  afterAll(async () => database?.drop());

  it("defaults the tool name from the flow's name, not exposed", async () => {
    const flow = await flows.create(owner.caller, { name: "Daily brief: café", description: "Mornings" });
    expect(await tools.get(owner.caller, flow.id)).toEqual({ flowId: flow.id, exposed: false, toolName: "Daily_brief_cafe", description: "", flowDescription: "Mornings" });
  });

  it("lists an exposed flow with the flow's description when the tool has none", async () => {
    const flow = await flows.create(owner.caller, { name: "Summarise", description: "Summarises text", graph: chatGraph() });
    await tools.set(owner.caller, { flowId: flow.id, exposed: true, toolName: "summarise", description: "  " });
    expect(await tools.listExposed(owner.caller)).toEqual([expect.objectContaining({ flowId: flow.id, toolName: "summarise", description: "Summarises text" })]);
    expect(await tools.findExposed(other.caller, "summarise")).toBeNull();
  });

  it("refuses a tool name another of the owner's flows has, naming that flow; other owners may use it", async () => {
    const first = await flows.create(owner.caller, { name: "First" });
    const second = await flows.create(owner.caller, { name: "Second" });
    await tools.set(owner.caller, { flowId: first.id, exposed: false, toolName: "shared_name", description: "" });
    const refused = await tools.set(owner.caller, { flowId: second.id, exposed: true, toolName: "shared_name", description: "" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining('"First" already uses the tool name "shared_name"') });
    const theirs = await flows.create(other.caller, { name: "Theirs" });
    await expect(tools.set(other.caller, { flowId: theirs.id, exposed: true, toolName: "shared_name", description: "" })).resolves.toMatchObject({ exposed: true });
  });

  it("lets only the owner read or change the setting: a member is refused, anyone else gets not found", async () => {
    const flow = await flows.create(owner.caller, { name: "Shared" });
    await createFlowMemberService(database).add(owner.caller, { flowId: flow.id, email: other.email, role: "editor" });
    await expect(tools.set(other.caller, { flowId: flow.id, exposed: true, toolName: "mine", description: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createTestUser(database);
    await expect(tools.get(stranger.caller, flow.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
