// Runs once when the server starts. The start-up work needs Node.js, so it lives in its own module that the
// Edge runtime never loads.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/start-up");
}
