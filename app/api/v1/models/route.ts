import { apiRoute } from "@/server/http/api-route";
import { listModels, openAIErrorBody } from "@/server/http/openai-compat";

export const dynamic = "force-dynamic";

// The models a chat completion may name: the flows a run-scoped key may run.
export const GET = apiRoute<Record<string, never>>((context) => listModels(context), { errorBody: openAIErrorBody, needs: "run" });
