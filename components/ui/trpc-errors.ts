// Reading the server's coded errors (see server/api/trpc.ts's errorFormatter) on the client.
type ErrorShape = { message?: unknown; data?: { appCode?: unknown; code?: unknown } | null };

/** The AppError code ("CONFLICT", "NOT_FOUND", ...), else tRPC's own code, else null. */
export function errorCodeOf(error: unknown): string | null {
  const data = (error as ErrorShape | null)?.data;
  if (typeof data?.appCode === "string") return data.appCode;
  return typeof data?.code === "string" ? data.code : null;
}

export function errorMessageOf(error: unknown): string {
  const message = (error as ErrorShape | null)?.message;
  return typeof message === "string" && message !== "" ? message : "Something went wrong.";
}
