// Server-sent events from an async iterable: one `data:` frame per item, closed when the iterable ends or
// the client goes away.
export type SseFrame = { data: unknown; event?: string; id?: string };

const encoder = new TextEncoder();

export function formatSseFrame({ data, event, id }: SseFrame): string {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  return `${id ? `id: ${id}\n` : ""}${event ? `event: ${event}\n` : ""}data: ${payload}\n\n`;
}

export function sseResponse(frames: AsyncIterable<SseFrame>, signal: AbortSignal): Response {
  const iterator = frames[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(formatSseFrame(next.value)));
      } catch (error) {
        controller.enqueue(encoder.encode(formatSseFrame({ event: "error", data: { message: (error as Error).message } })));
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  signal.addEventListener("abort", () => void iterator.return?.(undefined), { once: true });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
