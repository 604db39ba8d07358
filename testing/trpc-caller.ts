// A tRPC caller over a fresh SQLite database, for router tests.
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { testDatabases } from "./databases.ts";

export async function createTestCaller() {
  const database = await testDatabases()[0]!.create();
  const caller = createCaller(await createContext({ headers: new Headers(), db: database }));
  return { caller, database };
}
