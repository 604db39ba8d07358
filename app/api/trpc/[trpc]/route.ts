import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isAppError } from "@/lib/errors";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/request-context";
import { httpHeadersOf, httpStatusOf, toHttpErrorBody } from "@/server/errors";
import { limitRequestBody, trpcBodyLimit } from "@/server/http/body-limit";
import { getLogger } from "@/server/log/logger";
import { observeRequest, type RequestNote } from "@/server/http/observe-request";
import { withSmallAnswersUncompressed } from "@/server/http/small-answers";

const handler = async (request: Request, note: RequestNote = {}) =>
  withSmallAnswersUncompressed(await answer(request, note));

const answer = (request: Request, note: RequestNote) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    // Queries arrive as POST (see components/trpc-provider.tsx).
    allowMethodOverride: true,
    createContext: async () => {
      const context = await createRequestContext(request.headers);
      note.userId = context.caller?.userId;
      return context;
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") getLogger().error({ err: error.cause ?? error, procedure: path ?? "?" }, "trpc procedure failed");
    },
    responseMeta({ errors }) {
      // A full run queue answers 429 with Retry-After, over tRPC as over /api/v1.
      const headers = Object.assign({}, ...errors.map((error) => (isAppError(error.cause) ? httpHeadersOf(error.cause) : {})));
      return { headers };
    },
  });

/** Bodies are capped before tRPC reads them (1 MB, 5 MB for a whole graph). */
async function limitedHandler(request: Request, note: RequestNote) {
  try {
    return await handler(await limitRequestBody(request, trpcBodyLimit(new URL(request.url).pathname)), note);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return Response.json(toHttpErrorBody(error), { status: httpStatusOf(error.code) });
  }
}

// Counted and logged under one route: the procedure names travel in the path, and a batch joins several.
export const GET = (request: Request) => observeRequest(request, (note) => handler(request, note));
export const POST = (request: Request) => observeRequest(request, (note) => limitedHandler(request, note));
