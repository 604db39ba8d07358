// Request bodies are capped before anything parses them: a declared Content-Length over the cap is refused
// at once, and a body without one (chunked) is counted while it is read and dropped the moment it passes.
import { AppError } from "@/lib/errors";

/** The cap for tRPC and /api/v1 bodies, in bytes. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** The cap for a body that carries a whole graph: saving, importing or compiling a flow. */
export const FLOW_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** tRPC procedures whose input is a whole flow graph, and so get FLOW_BODY_LIMIT_BYTES. */
const graphProcedures = new Set(["flow.create", "flow.update", "flow.import", "flow.compile"]);

/**
 * The cap for a tRPC request to `/api/trpc/<a,b,...>`: the flow cap when any procedure of the batch takes
 * a graph, else the default.
 */
export function trpcBodyLimit(pathname: string): number {
  const procedures = decodeURIComponent(pathname.replace(/^\/api\/trpc\/?/, "")).split(",");
  return procedures.some((name) => graphProcedures.has(name)) ? FLOW_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
}

const formatMegabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export const bodyTooLarge = (limitBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `request body exceeds ${limitBytes} bytes`, {
    userMessage: `The request body is larger than the ${formatMegabytes(limitBytes)} this endpoint accepts. Send less data, or split it up.`,
    details: { limitBytes },
  });

/**
 * Reads `request`'s body up to `limitBytes` and answers an equivalent Request whose body is those bytes,
 * so handlers can call `json()` as before. Throws AppError("PAYLOAD_TOO_LARGE") (413) without reading
 * when Content-Length is over the cap, and as soon as the bytes read pass it; the rest is not read.
 */
export async function limitRequestBody(request: Request, limitBytes: number): Promise<Request> {
  if (!request.body) return request;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) {
    await request.body.cancel().catch(() => undefined);
    throw bodyTooLarge(limitBytes);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}
