import { startGoogleConnection } from "@/server/http/google-oauth";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => startGoogleConnection(request);
