// A run's tRPC subscription stays alive while a model is silent: tRPC's own SSE ping, at most every 15 s, so a
// proxy's 60 s idle timeout never cuts it. Driven through the real fetch adapter with fake timers.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterEach, expect, it, vi } from "vitest";
import { sseHeartbeatMs } from "@/server/http/sse";
import { createTRPCRouter, publicProcedure } from "./trpc";

afterEach(() => vi.useRealTimers());

it("pings a silent subscription within the heartbeat interval", async () => {
  vi.useFakeTimers();
  const router = createTRPCRouter({
    // A run whose model says nothing until the client leaves.
    silent: publicProcedure.subscription(async function* ({ signal }) {
      await new Promise((resolve) => signal?.addEventListener("abort", resolve, { once: true }));
      yield 1;
    }),
  });
  const controller = new AbortController();
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request("http://localhost/api/trpc/silent", { signal: controller.signal }),
    router,
    createContext: () => ({}) as never,
  });
  expect(sseHeartbeatMs).toBeLessThanOrEqual(15_000);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  const readUntilPing = (async () => {
    while (!received.includes("event: ping")) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
  })();
  await vi.advanceTimersByTimeAsync(sseHeartbeatMs);
  await readUntilPing;
  expect(received).toContain("event: ping");
  controller.abort();
  await reader.cancel();
});
