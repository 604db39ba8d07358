// What stands in front of Better Auth's handler on /api/auth: a body cap, then the rate limits. The server and
// the tests build the handler here, so both see the same guards.
import { isAppError } from "@/lib/errors";
import { limitRequestBody } from "@/server/http/body-limit";
import { withAuthRateLimit, type AuthHandler, type AuthRateLimitOptions } from "./auth-rate-limit.ts";

/**
 * The cap on an /api/auth request body, in bytes. Its bodies are an email, a password, a name and a token:
 * a few hundred bytes. Anything near this is not a sign-in.
 */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Refuses a body over `limitBytes` with 413 before Better Auth (or the rate limiter, which reads the email)
 * parses it; the answer is Better Auth's error shape, `{ code: "PAYLOAD_TOO_LARGE", message }`.
 */
export function withAuthBodyLimit(handler: AuthHandler, limitBytes = AUTH_BODY_LIMIT_BYTES): AuthHandler {
  return async (request) => {
    let limited: Request;
    try {
      limited = await limitRequestBody(request, limitBytes);
    } catch (error) {
      if (!isAppError(error) || error.code !== "PAYLOAD_TOO_LARGE") throw error;
      return Response.json({ code: error.code, message: error.userMessage }, { status: 413 });
    }
    return handler(limited);
  };
}

/** Better Auth's handler as /api/auth serves it: body cap first, then the limits of withAuthRateLimit. */
export const guardAuthHandler = (handler: AuthHandler, options: AuthRateLimitOptions = {}): AuthHandler => withAuthBodyLimit(withAuthRateLimit(handler, options));
