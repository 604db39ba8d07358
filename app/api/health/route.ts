import { isDatabaseReachable, prepareDatabase } from "@/server/db";
import { APP_VERSION } from "@/server/version";

export const dynamic = "force-dynamic";

export async function GET() {
  const isReady = await prepareDatabase().then(
    () => isDatabaseReachable(),
    () => false,
  );
  return Response.json(
    { status: isReady ? "ok" : "error", db: isReady ? "ok" : "error", version: APP_VERSION },
    { status: isReady ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
