// The pages' Content-Security-Policy (proxy.ts). The headers every response carries are in
// next.config.js. No "server-only" marker: the proxy loads it.

/**
 * Pages whose renderer writes inline styles that no nonce can cover, so their style-src (and only
 * theirs) allows inline styles. The API reference (Scalar): vue-sonner and Scalar's Vue components
 * create <style> elements with no nonce hook, and its code highlighter writes style="" attributes
 * through innerHTML, which nonces never authorize. Its scripts stay nonce-only, like every page's.
 * Links to these pages must be plain <a> (a full load): a client-side navigation keeps the
 * previous page's policy.
 */
const INLINE_STYLE_PAGES = new Set(["/docs/api"]);

/**
 * The pages' Content-Security-Policy: scripts only with this response's nonce (Next.js puts it on
 * its own scripts), nothing framed, forms posted only here. Development needs eval (React's
 * error overlay) and inline styles (Next's dev overlay).
 */
export function contentSecurityPolicy(
  nonce: string,
  { isDevelopment, https, pathname = "" }: { isDevelopment: boolean; https: boolean; pathname?: string },
): string {
  const inlineStyles = isDevelopment || INLINE_STYLE_PAGES.has(pathname);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${inlineStyles ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
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
