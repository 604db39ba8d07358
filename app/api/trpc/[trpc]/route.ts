import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isAppError } from "@/lib/errors";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request-context";
import { httpHeadersOf, httpStatusOf, toHttpErrorBody } from "@/server/errors";
import { limitRequestBody, trpcBodyLimit } from "@/server/http/body-limit";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Queries arrive as POST (see components/trpc-provider.tsx).
    allowMethodOverride: true,
    createContext: () => createRequestContext(request.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
    responseMeta({ errors }) {
      // A full run queue answers 429 with Retry-After, over tRPC as over /api/v1.
      const headers = Object.assign({}, ...errors.map((error) => (isAppError(error.cause) ? httpHeadersOf(error.cause) : {})));
      return { headers };
    },
  });

/** Bodies are capped before tRPC reads them (1 MB, 5 MB for a whole graph). */
async function limitedHandler(request: Request) {
  try {
    return await handler(await limitRequestBody(request, trpcBodyLimit(new URL(request.url).pathname)));
  } catch (error) {
    if (!isAppError(error)) throw error;
    return Response.json(toHttpErrorBody(error), { status: httpStatusOf(error.code) });
  }
}

export { handler as GET, limitedHandler as POST };
