// What the engine's parts share during one run. Internal: kinds see only RunServices.
import type { RunServices } from "@/lib/flow/run-context";
import type { EventSink } from "./event-sink";

export type RunEnvironment = {
  runId: string;
  sink: EventSink;
  services: RunServices;
  /** Releases what the run's nodes opened (MCP sessions); called once when the run ends. */
  dispose(): Promise<void>;
};
