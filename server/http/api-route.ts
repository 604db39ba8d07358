// The frame of every /api/v1 handler: database ready, API key checked, errors as JSON with the right status.
import { ZodError } from "zod";
import { AppError, describeZodError, isAppError } from "@/lib/errors";
import { prepareDatabase, getDb } from "@/server/db";
import { httpHeadersOf, httpStatusOf, toHttpErrorBody } from "@/server/errors";
import { DEFAULT_BODY_LIMIT_BYTES, limitRequestBody } from "./body-limit.ts";
import { getRunService, recoverRunsOnce } from "@/server/runs";
import { createServices, type Services } from "@/server/services";
import type { RunService } from "@/server/services/run-service";
import type { ApiKeySummary } from "@/server/services/api-key-service";

export type ApiContext = { request: Request; services: Services; runs: RunService; apiKey: ApiKeySummary };
type ErrorBody = (error: AppError) => unknown;

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) return new AppError("BAD_REQUEST", describeZodError(error));
  if (error instanceof SyntaxError) return new AppError("BAD_REQUEST", `The request body is not valid JSON: ${error.message}`);
  console.error("[api]", error);
  return new AppError("INTERNAL", "internal error", { userMessage: "Something went wrong on the server." });
}

/** Wraps a handler; `errorBody` lets an endpoint answer in another API's error format (OpenAI's). */
export function apiRoute<Params>(
  handler: (context: ApiContext, params: Params) => Promise<Response>,
  errorBody: ErrorBody = toHttpErrorBody,
) {
  return async (incoming: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    try {
      const request = await limitRequestBody(incoming, DEFAULT_BODY_LIMIT_BYTES);
      await prepareDatabase().catch((error: unknown) => {
        throw new AppError("UNAVAILABLE", "database unavailable", { userMessage: "The database cannot be reached right now.", cause: error });
      });
      await recoverRunsOnce();
      const services = createServices(getDb());
      const apiKey = await services.apiKeys.authenticate(request.headers.get("authorization"));
      return await handler({ request, services, runs: getRunService(), apiKey }, await params);
    } catch (error) {
      const appError = toAppError(error);
      return Response.json(errorBody(appError), { status: httpStatusOf(appError.code), headers: httpHeadersOf(appError) });
    }
  };
}

export const wantsEventStream = (request: Request) => (request.headers.get("accept") ?? "").includes("text/event-stream");
