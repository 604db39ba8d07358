// The context of a request that arrives over HTTP: the app is ready (database migrated, old runs settled)
// before the first procedure runs.
import { AppError } from "@/lib/errors";
import { getApp } from "@/server/app";
import { toTRPCError } from "@/server/errors";
import { resolveRequestCaller } from "@/server/auth/app-auth";
import { createContext } from "./trpc.ts";

export async function createRequestContext(headers: Headers) {
  const app = getApp();
  try {
    await app.ready();
  } catch (error) {
    console.error("[db] not ready:", (error as Error).message);
    throw toTRPCError(
      new AppError("UNAVAILABLE", "database is not reachable", {
        userMessage: "The database cannot be reached right now. Check DATABASE_URL and that the database is running.",
        cause: error,
      }),
    );
  }
  return createContext({ headers, caller: await resolveRequestCaller(headers), app });
}
