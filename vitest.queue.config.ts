// `npm run test:queue`: queue mode across processes (e2e/queue), apart from `npm test` because it needs a
// production build and starts app instances and workers as separate processes, which takes minutes.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["e2e/queue/**/*.test.ts"],
    environment: "node",
    // One cluster at a time: each file starts its own processes on its own ports.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
