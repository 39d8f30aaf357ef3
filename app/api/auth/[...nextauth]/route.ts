// GET|POST /api/auth/* — next-auth's own endpoints (sign-in form post, sign-out, session, csrf).
import NextAuth from "next-auth";
import { nextAuthOptions } from "@/lib/server/auth/next-auth-options";

function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, nextAuthOptions());
}

export { handler as GET, handler as POST };
