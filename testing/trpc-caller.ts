// A tRPC caller over a fresh SQLite database and an app built on it (server/app.ts), for router tests.
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { createApp } from "@/server/app";
import { LOCAL_USER_ID, type Caller } from "@/server/auth/caller";
import { testDatabases } from "./databases.ts";

/** The `local` user the migrations create: the owner of everything a test makes unless it says otherwise. */
export const localTestCaller: Caller = { userId: LOCAL_USER_ID, role: "admin", via: "local", scope: "full" };

export async function createTestCaller(as: Caller = localTestCaller) {
  const database = await testDatabases()[0]!.create();
  const caller = createCaller(await createContext({ headers: new Headers(), caller: as, app: createApp({ db: database }) }));
  return { caller, database };
}
