// Better Auth's standard routes (/api/auth/sign-up/email, /sign-in/email, /sign-out, /change-password, ...).
// Local mode has no accounts, so they answer 404 there.
import { getAuthHandler, getAuthMode } from "@/server/auth/app-auth";
import { getApp } from "@/server/app";

async function handle(request: Request): Promise<Response> {
  if (getAuthMode() === "local") {
    return Response.json({ code: "NOT_FOUND", message: "Accounts are off: this server runs in local mode (OSMEN_AUTH=local)." }, { status: 404 });
  }
  await getApp().ready();
  return getAuthHandler()(request);
}

export const GET = handle;
export const POST = handle;
