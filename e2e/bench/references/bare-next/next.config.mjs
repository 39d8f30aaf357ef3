// The portal's response headers (its next.config.js, production), so that both send the same bytes.
import path from "node:path";
import { fileURLToPath } from "node:url";

// The repository's root holds the lock file and the node_modules this app runs from.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/** @type {import("next").NextConfig} */
export default {
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};
