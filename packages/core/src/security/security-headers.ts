export interface SecurityHeaderOptions {
  production: boolean;
  /** API responses are data: nothing in them may run or be framed. */
  surface: 'api' | 'page';
  /** Next's development server needs eval and a websocket for hot reload. */
  devServer?: boolean;
  /**
   * Other origins pages may send requests to: object storage, which browsers upload to directly
   * (`storageBrowserOrigins` in @plinth/core/storage).
   */
  connectSources?: readonly string[];
  /**
   * Other origins pages may show images from: object storage (avatars and logos redirect to a
   * signed GET there) and S3_PUBLIC_BASE_URL's CDN (`storageImageOrigins`).
   */
  imageSources?: readonly string[];
}

/**
 * Response headers for every response we send. Both the Hono middleware (/api) and the node:http
 * server (pages) call this, so the two surfaces cannot drift apart.
 */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Content-Security-Policy': contentSecurityPolicy(options),
  };
  if (options.production) {
    headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains; preload';
  }
  return headers;
}

function contentSecurityPolicy({
  surface,
  devServer,
  connectSources = [],
  imageSources = [],
}: SecurityHeaderOptions): string {
  if (surface === 'api') {
    return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  }
  // Next inlines its bootstrap scripts and styles; nonce-based CSP would force dynamic rendering
  // of every page, so we allow inline and keep every other source to our own origin.
  const scriptSrc = devServer ? "'self' 'unsafe-inline' 'unsafe-eval'" : "'self' 'unsafe-inline'";
  const connectSrc = [devServer ? "'self' ws: wss:" : "'self'", ...connectSources].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageSources].join(' '),
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
