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

/**
 * The hosts `npm run dev` may be opened at besides the one Next was started with (localhost): Next 16
 * refuses its development resources to any other, and the pages stay dead HTML there. The server
 * prints 127.0.0.1; APP_URL and HOST name where else it is reached. Production never reads it.
 */
function devOrigins() {
  const hosts = new Set(["127.0.0.1", "localhost", "[::1]"]);
  if (process.env.HOST) hosts.add(process.env.HOST);
  try {
    if (process.env.APP_URL) hosts.add(new URL(process.env.APP_URL).hostname);
  } catch {
    // Not a URL: lib/server/config.ts refuses it with a message of its own.
  }
  return [...hosts];
}

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native addons and packages that read their own files (PGlite's WebAssembly, pino's worker
  // scripts) must be loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bcrypt", "pino", "pg"],
  poweredByHeader: false,
  allowedDevOrigins: devOrigins(),
  // Next's own 1 MB body limit only covers server actions; the API's 16 KiB limit is in lib/server/http.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders() }];
  },
};

module.exports = nextConfig;
