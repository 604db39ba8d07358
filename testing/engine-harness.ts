// Shared by the engine's tests: compile-or-fail and an event recorder.
import { expect } from "vitest";
import { compile } from "@/lib/flow/compile";
import type { GraphBuilder } from "@/lib/flow/graph-builder";
import type { Plan } from "@/lib/flow/plan";
import { runEventSchema, type RunEvent } from "@/lib/engine/events";

export function planOf(builder: GraphBuilder): Plan {
  const { plan, diagnostics } = compile(builder.build());
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  return plan!;
}

export function recordEvents() {
  const events: RunEvent[] = [];
  return {
    events,
    onEvent: (event: RunEvent) => {
      // Every event must match the published schema: the run service stores and replays them as such.
      runEventSchema.parse(JSON.parse(JSON.stringify(event)));
      events.push(event);
    },
    of: (type: RunEvent["type"], nodeId?: string) => events.filter((event) => event.type === type && (nodeId === undefined || ("nodeId" in event && event.nodeId === nodeId))),
    indexOf: (type: RunEvent["type"], nodeId: string) => events.findIndex((event) => event.type === type && "nodeId" in event && event.nodeId === nodeId),
  };
}
