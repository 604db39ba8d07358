// Any /api/v1 path without a route of its own: a JSON 404 naming the routes that exist, not the HTML page a
// browser would get, so API clients show a message they can act on.
import { AppError } from "@/lib/errors";
import { httpStatusOf, toHttpErrorBody } from "@/server/errors";

export const dynamic = "force-dynamic";

const ROUTES = "POST /api/v1/flows/{id}/run, GET /api/v1/runs/{id}, GET /api/v1/runs/{id}/events, POST /api/v1/chat/completions, GET /api/v1/models";

async function notFound(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const error = new AppError("NOT_FOUND", `no API route ${request.method} ${pathname}`, {
    userMessage: `There is no API route ${request.method} ${pathname}. The HTTP API has: ${ROUTES} (see the README, "Running flows from apps").`,
  });
  return Response.json(toHttpErrorBody(error), { status: httpStatusOf(error.code) });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
