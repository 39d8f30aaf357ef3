// @ts-check

/** Headers every response carries, pages and API alike (the pages' CSP is added by proxy.ts). */
function securityHeaders() {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Reset links carry a token in the URL: never let it leave in a Referer header.
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (process.env.NODE_ENV === "production") {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native addons and packages that read their own files (PGlite's WebAssembly, pino's worker
  // scripts) must be loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bcrypt", "pino", "pg"],
  poweredByHeader: false,
  // Next's own 1 MB body limit only covers server actions; the API's 16 KiB limit is in lib/server/http.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

module.exports = nextConfig;
