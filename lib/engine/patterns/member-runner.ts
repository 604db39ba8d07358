// How a pattern runs one of its agents: as an embedded invocation whose events name the team as parent.
import type { AgentHandle } from "@/lib/flow/handles";
import type { AgentOutcome } from "@/lib/flow/run-context";
import type { LoopTool } from "../agent-loop";

export type MemberRun = { agent: AgentHandle; task: string; label: string; extraTools?: LoopTool[] };

export type MemberRunner = (run: MemberRun) => Promise<AgentOutcome>;
