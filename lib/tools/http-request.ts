// What the HTTP tool asks for and what it gets back: plain data, so the node kind (browser-safe) and the
// Node-side client share one description. lib/flow re-exports these for the run's services.

/** One request; `timeoutMs` and `maxBytes` ask for less than the client's caps, never more. */
export type HttpRequest = {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
};

/** The final answer after redirects; `body` is UTF-8 text cut at the byte cap (`truncated` says so). */
export type HttpResult = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The URL that answered, after redirects. */
  url: string;
  truncated: boolean;
  redirects: number;
};
