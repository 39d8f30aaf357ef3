// The pages' Content-Security-Policy (proxy.ts). The headers every response carries are in
// next.config.js. No "server-only" marker: the proxy loads it.

/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce (Next.js puts it on
 * its own scripts), nothing framed, forms posted only here. Development needs eval (React's
 * error overlay) and inline styles (Next's dev overlay).
 */
export function contentSecurityPolicy(nonce: string, { isDevelopment, https }: { isDevelopment: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
