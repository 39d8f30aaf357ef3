// Runs before every request. A path of the API (the OpenAPI document's, or any under /api) goes on to
// its route, which meets the traffic guard there, except a method the path does not have: a JSON 405
// with Allow here. Pages: the deny list and bans, then a fresh nonce and the Content-Security-Policy
// that allows only it.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";
import { clientContext } from "./lib/server/http/client-context";
import { isDocumentedPath, refuseUnknownMethod } from "./lib/server/http/method-not-allowed";
import { refusePage } from "./lib/server/http/traffic-guard";

export async function proxy(request: NextRequest) {
  const refused = refuseUnknownMethod(request);
  if (refused) return refused;
  const { pathname } = request.nextUrl;
  // The seeds' routes outside /api (/auth/v1/…, /v1/…) are API routes too: their guard answers in
  // their dialect. Only the documented ones: any other path there is a page (deny list, CSP).
  if (pathname === "/api" || pathname.startsWith("/api/") || isDocumentedPath(pathname)) return NextResponse.next();
  // The same validated TRAFFIC_DENY and the same bans as the API's guard.
  if (await refusePage(clientContext(request.headers))) {
    return new NextResponse("Access denied", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
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

// Every request but static files: the API (for its 405) and pages, prefetches and router (RSC)
// requests included: a page request that skipped this proxy would skip the deny list and go out
// without a CSP. Next.js strips the RSC headers from `request` here and puts them back after the
// override, so router requests still get their payload.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
