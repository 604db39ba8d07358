// Next.js compresses every route handler's answer it may (its `compression` middleware): it never learns a body's
// length, since it drops Content-Length from a handler's Response, so the middleware's own 1 KiB threshold never
// applies. Each small tRPC answer, such as a save's `{ version, updatedAt }`, got its own deflate stream: about
// 1 ms of CPU per request on a 2-core machine, to save a few hundred bytes. A small JSON answer is marked
// `no-transform` (RFC 9111 §5.2.2.6), which the middleware honours; larger ones, a 500-node flow, stay compressed.

/** Below this many bytes a JSON answer is sent as it is: the `compression` middleware's default threshold. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The same answer, marked `Cache-Control: no-transform` when it is JSON under COMPRESSION_THRESHOLD_BYTES (read
 * whole to know: tRPC's non-streaming answers are built in memory already). Anything else, an event stream above
 * all, is returned as it is, unread.
 */
export async function withSmallAnswersUncompressed(response: Response): Promise<Response> {
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || !type.startsWith("application/json")) return response;
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  if (body.byteLength < COMPRESSION_THRESHOLD_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
