// An address where nothing listens, for "the server is down" cases: a port opened and closed again at once.
import { createServer } from "node:net";

/** `http://127.0.0.1:<port>` with nothing listening on the port (a refused connection). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
