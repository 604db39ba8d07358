import { createTRPCRouter } from "@/server/api/trpc";
import { flowCrudProcedures } from "./flow-crud.ts";
import { flowExtraProcedures } from "./flow-extras.ts";

export const flowRouter = createTRPCRouter({ ...flowCrudProcedures, ...flowExtraProcedures });
