import { apiRoute } from "@/server/http/api-route";
import { publicRun } from "@/server/http/run-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ runs, caller }, { id }) => Response.json(publicRun(await runs.get(caller, id))), { needs: "run" });
