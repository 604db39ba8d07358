import { apiRoute } from "@/server/http/api-route";
import { chatCompletion, openAIErrorBody } from "@/server/http/openai-compat";

export const dynamic = "force-dynamic";

export const POST = apiRoute<Record<string, never>>((context) => chatCompletion(context), openAIErrorBody);
