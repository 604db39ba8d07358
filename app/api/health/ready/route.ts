// Readiness: 200 when the database answers, its migrations are applied, the vault key is loaded and, in queue
// mode, Redis answers; 503 naming each failing part otherwise (server/health/readiness.ts).
import { getApp } from "@/server/app";
import { checkReadiness } from "@/server/health/readiness";
import { readinessResponse } from "@/server/health/readiness-response";
import { observed } from "@/server/http/observe-request";

export const dynamic = "force-dynamic";

export const GET = observed(async () => readinessResponse(await checkReadiness(getApp())));
