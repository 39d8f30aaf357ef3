// Runs before every page: the deny list, then a fresh nonce and the Content-Security-Policy
// that allows only it. (API routes meet the deny list in their own traffic guard.)
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";
import { config as appConfig } from "./lib/server/config";

export function proxy(request: NextRequest) {
  // The same validated TRAFFIC_DENY as the API's guard; server.ts left one address in X-Forwarded-For.
  if (appConfig().trafficDeny.has(request.headers.get("x-forwarded-for") ?? "")) {
    return new NextResponse("Access denied", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    isDevelopment: process.env.NODE_ENV === "development",
    https: (process.env.APP_URL ?? "").startsWith("https://"),
  });
  // Next.js reads the policy from the request to put the nonce on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
