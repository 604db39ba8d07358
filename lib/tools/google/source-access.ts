// What reading a Google source needs from the run, as plain values: the node kinds in lib/flow fill it
// from the run's services, so these readers know nothing of flows.
import { notConnectedError } from "./errors";
import type { GoogleServices } from "./types";

/**
 * `google`: live access for the run's user, absent when Google is not connected; `now`: the run's clock
 * (sample data and "today" follow it); `signal`: aborts the Google requests.
 */
export type SourceAccess = { google: GoogleServices | undefined; now: Date; signal: AbortSignal };

/** Live access, or a GoogleAccessError ("not_connected") that tells the person how to connect `service`. */
export function requireGoogle(google: GoogleServices | undefined, service: string): GoogleServices {
  if (!google) throw notConnectedError(service);
  return google;
}
