import { apiRoute } from "@/server/http/api-route";
import { chatCompletion, openAIErrorBody } from "@/server/http/openai-compat";

export const dynamic = "force-dynamic";

// A chat completion is a run of the flow named by `model`, so a run-scoped key may call it.
export const POST = apiRoute<Record<string, never>>((context) => chatCompletion(context), { errorBody: openAIErrorBody, needs: "run", budget: "openai" });
