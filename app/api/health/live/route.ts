// Liveness: the process answers. It touches nothing else, so a slow database never gets the process restarted.
import { APP_VERSION } from "@/server/version";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", version: APP_VERSION }, { headers: { "cache-control": "no-store" } });
}
