// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native addons and packages that read their own files (PGlite's WebAssembly, pino's worker
  // scripts) must be loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bcrypt", "pino", "pg"],
  poweredByHeader: false,
  // Next's own 1 MB body limit only covers server actions; the API's 16 KiB limit is in lib/server/http.
};

module.exports = nextConfig;
