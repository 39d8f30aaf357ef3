// GET|POST /api/auth/* — next-auth's own endpoints (sign-in form post, sign-out, session, csrf).
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { nextAuthOptions } from "@/lib/server/auth/next-auth-options";
import { config } from "@/lib/server/config";
import { AppError } from "@/lib/server/errors";
import { errorResponse, inRequestScope, setRateLimitHeaders, tightest } from "@/lib/server/http/api-route";
import { readLimitedText } from "@/lib/server/http/read-json-body";
import { guardTraffic } from "@/lib/server/http/traffic-guard";
import { clientContext } from "@/lib/server/request-context";

/**
 * The same traffic guard and body limit (16 KiB, else 413) as every other /api route; next-auth
 * itself would read a form post of any size. Sign-in's own limits are in authorize().
 * Like every API answer, next-auth's carry the RateLimit-* headers of the budget nearest to
 * refusing, whichever of those checks took it.
 */
function handler(received: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return inRequestScope(received, async ({ requestId, decisions }) => {
    let request = received;
    try {
      await guardTraffic(clientContext(received.headers));
      if (received.method === "POST") {
        const body = await readLimitedText(received);
        request = new NextRequest(received.url, { method: "POST", headers: received.headers, body });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // next-auth's signIn() reads the error from `url` (and fails without one): the sign-in page
      // then says why, e.g. "Too many attempts".
      const url = `${config().appUrl}/sign-in?error=${error.code}`;
      return errorResponse(error, requestId, tightest(decisions), { url });
    }
    const response: Response = await NextAuth(request as never, context as never, nextAuthOptions());
    const rateLimit = tightest(decisions);
    if (!rateLimit) return response;
    const headers = new Headers(response.headers);
    setRateLimitHeaders(headers, rateLimit);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
}

export { handler as GET, handler as POST };
