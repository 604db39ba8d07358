// Limits failed sign-ins and sign-ups (rate-limiter-flexible): at most 10 failures a minute per client IP and
// per email. Sign-ups that succeed are limited too, per client IP (10 an hour): with OSMEN_SIGNUP=open nothing
// else stops one client from creating accounts without end. Every limited answer is the same 429 whether or
// not the email has an account.
import ipaddr from "ipaddr.js";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { peerAddressHeader } from "@/server/http/peer-address";

/** The Better Auth routes whose failures count. */
const LIMITED_PATHS = ["/sign-in/email", "/sign-up/email"];
const SIGN_UP_PATH = "/sign-up/email";

/**
 * `failures` per `windowSeconds` (default 10 a minute) per IP and per email; `signUps` per `signUpWindowSeconds`
 * (default 10 an hour) per IP, counting the sign-ups Better Auth accepted; `trustProxy`: see clientIp.
 */
export type AuthRateLimitOptions = { failures?: number; windowSeconds?: number; signUps?: number; signUpWindowSeconds?: number; trustProxy?: boolean };

export type AuthHandler = (request: Request) => Promise<Response>;

/**
 * Wraps Better Auth's handler. A request to a limited path is refused with 429 and `Retry-After` (seconds,
 * RFC 9110 §10.2.3) while its IP or its email has used up its failures; a response of 400 or above to one
 * counts as a failure for both. A sign-up is also refused (429, Retry-After) once its IP has used up its
 * sign-ups; one answered with 400 or above gives its sign-up back.
 */
export function withAuthRateLimit(handler: AuthHandler, options: AuthRateLimitOptions = {}): AuthHandler {
  const points = options.failures ?? 10;
  const duration = options.windowSeconds ?? 60;
  const byIp = new RateLimiterMemory({ keyPrefix: "auth-ip", points, duration });
  const byEmail = new RateLimiterMemory({ keyPrefix: "auth-email", points, duration });
  const signUpsByIp = new RateLimiterMemory({ keyPrefix: "auth-sign-up-ip", points: options.signUps ?? 10, duration: options.signUpWindowSeconds ?? 3600 });

  return async (request) => {
    if (request.method !== "POST" || !LIMITED_PATHS.some((path) => new URL(request.url).pathname.endsWith(path))) return handler(request);
    const email = await emailOf(request);
    const ip = clientIp(request.headers, options.trustProxy ?? false);
    const keys: [RateLimiterMemory, string][] = [[byIp, ip]];
    if (email) keys.push([byEmail, email]);

    const states = await Promise.all(keys.map(([limiter, key]) => limiter.get(key)));
    const blocked = states.filter((state): state is RateLimiterRes => state !== null && state.consumedPoints >= points);
    if (blocked.length > 0) return tooManyAttempts(Math.max(...blocked.map((state) => state.msBeforeNext)));

    // Taken before the sign-up runs (and given back if it fails), so parallel sign-ups cannot pass the cap.
    const isSignUp = new URL(request.url).pathname.endsWith(SIGN_UP_PATH);
    if (isSignUp) {
      const refused = await signUpsByIp.consume(ip).then(
        () => null,
        (state: RateLimiterRes) => state,
      );
      if (refused) return tooManySignUps(refused.msBeforeNext);
    }

    const response = await handler(request).catch(async (error: unknown) => {
      if (isSignUp) await signUpsByIp.reward(ip, 1);
      throw error;
    });
    if (isSignUp && response.status >= 400) await signUpsByIp.reward(ip, 1);
    if (response.status >= 400) {
      // consume() rejects once the points are gone; that only means the next request is refused.
      await Promise.all(keys.map(([limiter, key]) => limiter.consume(key).catch(() => undefined)));
    }
    return response;
  };
}

// One fixed text (the wait is in Retry-After), so the body is the same for every email.
const TOO_MANY_ATTEMPTS_MESSAGE = "Too many failed attempts. Wait a minute, then try again.";

const TOO_MANY_SIGN_UPS_MESSAGE = "Too many accounts were created from this address. Try again in an hour, or ask the admin for an invitation.";

const tooManyAttempts = (msBeforeNext: number) => tooManyRequests(TOO_MANY_ATTEMPTS_MESSAGE, msBeforeNext);
const tooManySignUps = (msBeforeNext: number) => tooManyRequests(TOO_MANY_SIGN_UPS_MESSAGE, msBeforeNext);

function tooManyRequests(message: string, msBeforeNext: number): Response {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return Response.json({ code: "TOO_MANY_REQUESTS", message }, { status: 429, headers: { "Retry-After": String(seconds) } });
}

async function emailOf(request: Request): Promise<string | null> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email.trim().toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The client's address. Behind a trusted proxy, the first `X-Forwarded-For` entry. Otherwise the socket's
 * address stamped at start (server/http/peer-address.ts): Next.js keeps a client's own X-Forwarded-For, so
 * it would let one client count as many. Unstamped (a request that came before the stamp, or a test), the
 * last X-Forwarded-For entry.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  const peerHeader = peerAddressHeader();
  const peer = !trustProxy && peerHeader ? headers.get(peerHeader) : null;
  if (peer) return normaliseIp(peer);
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return normaliseIp((trustProxy ? entries[0] : entries.at(-1)) ?? headers.get("x-real-ip") ?? "unknown");
}

const normaliseIp = (raw: string) => (ipaddr.isValid(raw) ? ipaddr.process(raw).toString() : raw);
