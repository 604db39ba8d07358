import { createTRPCRouter } from "@/server/api/trpc";
import { flowCrudProcedures } from "./flow-crud.ts";
import { flowExtraProcedures } from "./flow-extras.ts";
import { flowToolProcedures } from "./flow-tool.ts";

export const flowRouter = createTRPCRouter({ ...flowCrudProcedures, ...flowExtraProcedures, ...flowToolProcedures });
