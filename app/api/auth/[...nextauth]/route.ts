// GET|POST /api/auth/* — next-auth's own endpoints (sign-in form post, sign-out, session, csrf).
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { nextAuthOptions } from "@/lib/server/auth/next-auth-options";
import { config } from "@/lib/server/config";
import { serveInEnvelope } from "@/lib/server/http/envelope";
import { readLimitedText } from "@/lib/server/http/read-json-body";

/**
 * next-auth's answers in the same envelope as every other /api route (traffic guard, RateLimit-*
 * headers, request id, log line), with the same body limit (16 KiB, else 413): next-auth itself
 * would read a form post of any size. Sign-in's own limits are in authorize().
 */
function handler(received: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return serveInEnvelope(
    received,
    async () => {
      const request =
        received.method === "POST"
          ? new NextRequest(received.url, { method: "POST", headers: received.headers, body: await readLimitedText(received) })
          : received;
      return NextAuth(request as never, context as never, nextAuthOptions());
    },
    // next-auth's signIn() reads the error from `url` (and fails without one): the sign-in page
    // then says why, e.g. "Too many attempts".
    { errorFields: (error) => ({ url: `${config().appUrl}/sign-in?error=${error.code}` }) },
  );
}

export { handler as GET, handler as POST };
