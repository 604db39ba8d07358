// Serves Next.js route handlers over real HTTP in a test, so HTTP clients (fetch, the openai SDK) talk to the
// handlers exactly as they would to the app. Each route maps a path pattern to a handler and its params.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

// Route handlers type their params precisely; the server only knows it hands over the matched strings.
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;
export type TestRoute = { method: string; path: RegExp; paramNames?: string[]; handler: Handler };

async function toRequest(message: IncomingMessage, baseUrl: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === "string") headers.set(name, value);
  return new Request(new URL(message.url ?? "/", baseUrl), { method: message.method, headers, body, signal });
}

async function sendResponse(response: Response, reply: ServerResponse) {
  reply.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) return reply.end();
  Readable.fromWeb(response.body as never).pipe(reply);
}

export async function startRouteServer(routes: TestRoute[]) {
  const server = createServer(async (message, reply) => {
    const controller = new AbortController();
    reply.on("close", () => controller.abort());
    const pathname = new URL(message.url ?? "/", "http://localhost").pathname;
    const route = routes.find((each) => each.method === message.method && each.path.test(pathname));
    if (!route) return void reply.writeHead(404).end();
    const values = pathname.match(route.path)!.slice(1);
    const params = Object.fromEntries((route.paramNames ?? []).map((name, index) => [name, decodeURIComponent(values[index]!)]));
    const request = await toRequest(message, `http://${message.headers.host}`, controller.signal);
    await sendResponse(await route.handler(request, { params: Promise.resolve(params) }), reply);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
