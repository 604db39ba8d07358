// Who is asking. Every service call that reads or writes a person's rows takes a Caller and filters by
// `userId`; an id that belongs to someone else answers NOT_FOUND, exactly like one that does not exist.

/** The user that local mode (OSMEN_AUTH=local, loopback only) acts as until an account exists. */
export const LOCAL_USER_ID = "local";

export type CallerRole = "admin" | "user";

/** What an API key may do: `run` runs flows and reads their runs; `full` is everything its user may do. */
export type ApiKeyScope = "run" | "full";

/**
 * The authenticated principal of a request.
 * - `via`: how it proved who it is: local mode's implicit owner, a browser session cookie, or an API key.
 * - `scope`: `full` for sessions and local mode; an API key's own scope otherwise.
 */
export type Caller = {
  userId: string;
  role: CallerRole;
  via: "local" | "session" | "apiKey";
  scope: ApiKeyScope;
};
