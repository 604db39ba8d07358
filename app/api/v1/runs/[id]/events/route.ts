import { apiRoute } from "@/server/http/api-route";
import { runEventsOverHttp } from "@/server/http/run-api";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>((context, { id }) => runEventsOverHttp(context, id), { needs: "run" });
