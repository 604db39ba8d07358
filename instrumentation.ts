// Runs once when the server starts: check the vault key, migrate the database, then settle runs an earlier
// process left behind.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getVault } = await import("@/server/secrets");
  try {
    getVault();
  } catch (error) {
    // Without a key no credential can be read or written; in production that is a setup error to fix first.
    console.error(`\n[vault] ${(error as Error).message}\n`);
    process.exit(1);
  }
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
