// GET|POST /api/auth/* — next-auth's own endpoints (sign-in form post, sign-out, session, csrf).
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/server/auth/next-auth-options";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/api-route";
import { clientContext } from "@/lib/server/http/client-context";
import { guardTraffic } from "@/lib/server/http/traffic-guard";
import { limitAddress } from "@/lib/server/services/client-context";

/** The same traffic guard as every other /api route; sign-in's own limits are in authorize(). */
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  try {
    await guardTraffic(limitAddress(clientContext(request.headers)));
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error, randomUUID());
    throw error;
  }
  return NextAuth(request as never, context as never, nextAuthOptions());
}

export { handler as GET, handler as POST };
