// Readiness: 200 when the database answers, its migrations are applied and the vault key is loaded; 503
// naming each failing part otherwise (server/health/readiness.ts).
import { getApp } from "@/server/app";
import { checkReadiness } from "@/server/health/readiness";
import { observed } from "@/server/http/observe-request";
import { APP_VERSION } from "@/server/version";

export const dynamic = "force-dynamic";

export const GET = observed(async () => {
  const { isReady, checks } = await checkReadiness(getApp());
  return Response.json(
    { status: isReady ? "ok" : "error", checks, version: APP_VERSION },
    { status: isReady ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});
