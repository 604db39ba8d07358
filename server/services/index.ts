// Every service bound to one database; built per request context (cheap: plain closures).
import type { Db } from "@/server/db/client";
import { createFlowService } from "./flow-service.ts";

export function createServices(db: Db) {
  return { flows: createFlowService(db) };
}

export type Services = ReturnType<typeof createServices>;
