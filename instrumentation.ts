// Runs once when the server starts: migrate the database, then settle runs an earlier process left behind.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase } = await import("@/server/db");
  const { recoverRunsOnce } = await import("@/server/runs");
  try {
    await prepareDatabase();
    await recoverRunsOnce();
  } catch (error) {
    // Keep serving: the health probe reports the database, and requests try again.
    console.error(`[db] start-up preparation failed: ${(error as Error).message}`);
  }
}
