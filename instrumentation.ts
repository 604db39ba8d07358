// Runs once when the server starts: migrate the database before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/server/db");
  await prepareDatabase().catch((error: unknown) => {
    // Keep serving: the health probe reports the database, and requests try again.
    console.error(`[db] migration at start failed: ${(error as Error).message}`);
  });
}
