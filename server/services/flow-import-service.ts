// Importing a flow file: a new flow owned by the caller, named apart from the caller's own flows so the copy
// and the flow it was exported from can be told apart in the list ("Name (imported)", "Name (imported 2)", ...).
import type { Db } from "@/server/db/client";
import type { Caller } from "@/server/auth/caller";
import type { CreateFlowInput, FlowRecord, FlowService } from "./flow-service.ts";

/** The longest flow name the schema accepts. */
const MAX_NAME_LENGTH = 200;

/**
 * `name` if no flow in `taken` has it, else `name (imported)`, else `name (imported N)` from 2 up; the base is
 * shortened so the result stays within 200 characters.
 */
export function importedFlowName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let number = 1; ; number += 1) {
    const suffix = number === 1 ? " (imported)" : ` (imported ${number})`;
    const candidate = name.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

export function createFlowImportService({ prisma }: Db, flows: Pick<FlowService, "create">) {
  /** Creates the imported flow under a name none of the caller's own flows has. */
  async function importFlow(caller: Caller, document: CreateFlowInput): Promise<FlowRecord> {
    // Only names that could collide: the imported name and its numbered variants (same leading characters).
    const prefix = document.name.slice(0, MAX_NAME_LENGTH - " (imported 99)".length);
    const rows = await prisma.flow.findMany({ where: { ownerId: caller.userId, name: { startsWith: prefix } }, select: { name: true } });
    return flows.create(caller, { ...document, name: importedFlowName(document.name, new Set(rows.map((row) => row.name))) });
  }

  return { importFlow };
}
