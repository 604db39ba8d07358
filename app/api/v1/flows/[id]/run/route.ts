import { apiRoute } from "@/server/http/api-route";
import { runFlowOverHttp } from "@/server/http/run-api";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>((context, { id }) => runFlowOverHttp(context, id), { needs: "run", budget: "run" });
