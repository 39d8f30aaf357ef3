// Runs before pages, and before an API request whose method its path lacks (server.ts marks those):
// a JSON 405 with Allow here. Every other API request goes straight to its route, which meets the
// traffic guard there. Pages: the deny list and bans, then a fresh nonce and the
// Content-Security-Policy that allows only it.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";
import { FETCH_FORBIDDEN_METHODS, isApiPath, REFUSED_METHOD_HEADER } from "./lib/served-routes";
import { clientContext } from "./lib/server/request-context";
import { refuseUnknownMethod } from "./lib/server/http/method-not-allowed";
import { refusePage } from "./lib/server/http/traffic-guard";

export async function proxy(request: NextRequest) {
  // TRACE and the like arrive as GETs (fetch cannot carry them), named by server.ts.
  const method = request.headers.get(REFUSED_METHOD_HEADER) ?? request.method;
  const refused = refuseUnknownMethod(request, method);
  if (refused) return refused;
  const { pathname } = request.nextUrl;
  // The seeds' routes outside /api (/auth/v1/…, /v1/…) are API routes too: their guard answers in
  // their dialect. Only the documented ones: any other path there is a page (deny list, CSP).
  if (isApiPath(pathname)) return NextResponse.next();
  // The same validated TRAFFIC_DENY and the same bans as the API's guard.
  if (await refusePage(clientContext(request.headers))) {
    return new NextResponse("Access denied", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (FETCH_FORBIDDEN_METHODS.has(method)) {
    return new NextResponse("Method Not Allowed", { status: 405, headers: { "content-type": "text/plain; charset=utf-8", allow: "GET, HEAD" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    isDevelopment: process.env.NODE_ENV === "development",
    https: (process.env.APP_URL ?? "").startsWith("https://"),
    pathname,
  });
  // Next.js reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Pages (prefetches and router (RSC) requests included: a page request that skipped this proxy
// would skip the deny list and go out without a CSP), and the API requests server.ts marks with
// REFUSED_METHOD_HEADER. The API's paths (/api, and the two seed paths outside it; a unit test
// keeps this list equal to lib/served-routes.ts) are left out: the proxy costs a cheap answer as
// much again. Next.js strips the RSC headers from `request` here and puts them back after the
// override, so router requests still get their payload. Matchers must be literals (Next reads
// them at build time).
export const config = {
  matcher: [
    "/((?!api/|api$|auth/v1/users/me/password$|v1/users/profile/change-password$|_next/static|_next/image|favicon.ico).*)",
    { source: "/:path*", has: [{ type: "header", key: "x-portal-refused-method" }] },
  ],
};
