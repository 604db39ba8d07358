// The route label of a request: the template of the route file that answers it (`/api/v1/runs/[id]`), never
// the raw path, so metrics and logs keep one series per route however many ids there are.

/** Every route under app/api, as its folder path (a test keeps this list in step with the files). */
export const apiRouteTemplates = [
  "/api/auth/[...all]",
  "/api/health",
  "/api/health/live",
  "/api/health/ready",
  "/api/mcp",
  "/api/metrics",
  "/api/oauth/google/callback",
  "/api/oauth/google/start",
  "/api/trpc/[trpc]",
  "/api/v1/chat/completions",
  "/api/v1/flows/[id]/run",
  "/api/v1/models",
  "/api/v1/runs/[id]",
  "/api/v1/runs/[id]/events",
  // Last: it answers every /api/v1 path the routes above do not, so they must match first.
  "/api/v1/[...path]",
] as const;

const matchers = apiRouteTemplates.map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\[\.\.\.[^\]]+\]/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}/?$`),
}));

/** The template a path belongs to, or "other" for a path no API route answers. */
export function routeTemplateOf(pathname: string): string {
  return matchers.find((matcher) => matcher.pattern.test(pathname))?.template ?? "other";
}
