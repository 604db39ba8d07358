// Who may read /api/metrics. With OSMEN_METRICS_TOKEN set: a request bearing it (`Authorization: Bearer
// <token>`). Without one: everyone in local mode (the server answers on loopback only), nobody in accounts
// mode, where the server faces a network and its metrics would otherwise be public.
import { createHash, timingSafeEqual } from "node:crypto";
import type { AuthMode } from "@/server/auth/auth-mode";

export type MetricsAccess = { isAllowed: true } | { isAllowed: false; status: 401 | 404; message: string };

export type MetricsAccessInput = { token: string | undefined; mode: AuthMode; authorization: string | null };

/** Decides whether a request may read the metrics; a refusal carries its status and what to do. */
export function checkMetricsAccess({ token, mode, authorization }: MetricsAccessInput): MetricsAccess {
  if (token === undefined) {
    if (mode === "local") return { isAllowed: true };
    return { isAllowed: false, status: 404, message: "Metrics are not served in accounts mode without a token: set OSMEN_METRICS_TOKEN and scrape with `Authorization: Bearer <token>`." };
  }
  const presented = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? "")?.[1];
  if (presented !== undefined && isSameSecret(presented, token)) return { isAllowed: true };
  return { isAllowed: false, status: 401, message: "This endpoint needs the metrics token: send `Authorization: Bearer <OSMEN_METRICS_TOKEN>`." };
}

/** Compares digests, so neither the time taken nor a length check reveals the token. */
function isSameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
