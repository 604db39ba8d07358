// Server-sent events from an async iterable: one `data:` frame per item, closed when the iterable ends or
// the client goes away. A comment line (`: ping`) goes out every `heartbeatMs` so a proxy that cuts idle
// connections (nginx: 60 s by default) keeps the stream open while a model is silent (a cold load, a long tool).
import { loadServerEnv } from "@/server/env.mjs";
export type SseFrame = { data: unknown; event?: string; id?: string };

/** At most this long between two writes on a tRPC stream, and the /api/v1 default: well under the common 60 s proxy idle timeout. */
export const sseHeartbeatMs = 15_000;

export type SseOptions = {
  /** Milliseconds between heartbeats. Default: OSMEN_SSE_HEARTBEAT_MS (`sseHeartbeatMs` unless set). */
  heartbeatMs?: number;
};

const encoder = new TextEncoder();
const heartbeat = encoder.encode(": ping\n\n");

export function formatSseFrame({ data, event, id }: SseFrame): string {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  return `${id ? `id: ${id}\n` : ""}${event ? `event: ${event}\n` : ""}data: ${payload}\n\n`;
}

export function sseResponse(frames: AsyncIterable<SseFrame>, signal: AbortSignal, options: SseOptions = {}): Response {
  const iterator = frames[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => {
        try {
          controller.enqueue(heartbeat);
        } catch {
          stop(); // the stream closed between two ticks
        }
      }, options.heartbeatMs ?? loadServerEnv().OSMEN_SSE_HEARTBEAT_MS);
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          stop();
          return controller.close();
        }
        controller.enqueue(encoder.encode(formatSseFrame(next.value)));
      } catch (error) {
        stop();
        controller.enqueue(encoder.encode(formatSseFrame({ event: "error", data: { message: (error as Error).message } })));
        controller.close();
      }
    },
    async cancel() {
      stop();
      await iterator.return?.(undefined);
    },
  });
  signal.addEventListener(
    "abort",
    () => {
      stop();
      void iterator.return?.(undefined);
    },
    { once: true },
  );
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
