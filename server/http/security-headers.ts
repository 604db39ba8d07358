// The headers every response carries: a Content-Security-Policy, no framing, no MIME sniffing, a
// same-origin referrer and, over HTTPS, HSTS. Pure, so each rule is unit-tested. One page may be framed by any
// site: a share link's chat (/share/<token>/chat), which other sites embed; it acts only through its share
// token and visitor id, never as the signed-in user, so framing it lends the embedding site nothing.

export type SecurityHeaderOptions = {
  /** A fresh, unguessable value per request; Next.js stamps it on its own scripts (see proxy.ts). */
  nonce: string;
  /** `next dev` needs `'unsafe-eval'` (React rebuilds server error stacks with eval); production never does. */
  isDevelopment: boolean;
  /** The client reached us over HTTPS (directly or through a trusted proxy). */
  isHttps: boolean;
  /** Any site may frame this page (`isEmbeddablePath`); every other page may be framed by none. Default false. */
  isEmbeddable?: boolean;
};

/**
 * Whether a path's response may be a page Next.js renders, whose scripts need the request's CSP nonce: anything
 * but the API routes (JSON, event streams) and Next.js's own files under /_next/.
 */
export const mayRenderPage = (pathname: string): boolean => !/^\/(api|_next)\//.test(pathname);

/** The only embeddable page: a share link's chat, `/share/<token>/chat`. */
export const isEmbeddablePath = (pathname: string): boolean => /^\/share\/[^/]+\/chat\/?$/.test(pathname);

/**
 * The CSP (W3C CSP Level 3): scripts only with this request's nonce (`'strict-dynamic'` lets Next's
 * loader add its chunks); styles may be inline because React and the canvas set `style` attributes;
 * images from anywhere over HTTPS because a markdown image the person chose to load is fetched by the
 * browser (model output never loads one by itself, see components/run/safe-markdown.tsx).
 */
export function contentSecurityPolicy({ nonce, isDevelopment, isHttps, isEmbeddable = false }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    isEmbeddable ? "frame-ancestors *" : "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Every security header for one response, lower-case names. HSTS (RFC 6797) only over HTTPS. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    // X-Frame-Options has no "any site" value: an embeddable page leaves it out and frame-ancestors decides.
    ...(!options.isEmbeddable && { "x-frame-options": "DENY" }),
    ...(options.isHttps && { "strict-transport-security": "max-age=31536000; includeSubDomains" }),
  };
}

/** 128 random bits, base64: a CSP nonce. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
