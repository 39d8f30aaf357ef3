import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeReturnPath } from "@/lib/return-path";
import { loginSchema } from "@/lib/schemas/auth";
import { config } from "../config";
import { AppError } from "../errors";
import { logger } from "../log";
import { cookies } from "next/headers";
import { signInWithinLimits } from "../features/sign-in/sign-in-within-limits";
import { deviceCookieAttributes, nextAuthCookies } from "./cookies";
import { authenticateBrowserSession, endSession } from "../services/sessions";
import { clientContext, currentClient } from "../request-context";

declare module "next-auth/jwt" {
  interface JWT {
    /** The Session row this browser session stands for; checked on every use. */
    sid?: string;
  }
}

interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  sessionId: string;
}

function headersOf(req: { headers?: Record<string, unknown> } | undefined): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req?.headers ?? {})) {
    if (typeof value === "string") headers.set(key, value);
  }
  return headers;
}

/**
 * next-auth with the Credentials provider and JWT sessions. The JWT only carries the id of a
 * server-side Session row, so revoking the row (sign-out elsewhere, password change) ends it.
 */
export function nextAuthOptions(): NextAuthOptions {
  const { authSecret, browserSessionMs, appUrl } = config();
  return {
    secret: authSecret,
    useSecureCookies: appUrl.startsWith("https://"),
    cookies: nextAuthCookies(),
    session: { strategy: "jwt", maxAge: Math.floor(browserSessionMs / 1000) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req): Promise<SignedInUser | null> {
          const parsed = loginSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          try {
            const jar = await cookies();
            const { user, session, deviceToken } = await signInWithinLimits(parsed.data, "browser", clientContext(headersOf(req)));
            jar.set(deviceCookieAttributes(deviceToken));
            return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
          } catch (error) {
            if (error instanceof AppError && error.code === "INVALID_CREDENTIALS") return null;
            // next-auth hands this message to the page as `error`; keep it a code, never details.
            if (error instanceof AppError) throw new Error(error.code);
            logger().error({ err: { type: (error as Error)?.name } }, "browser sign-in failed");
            throw new Error("UNEXPECTED_ERROR");
          }
        },
      }),
    ],
    callbacks: {
      // next-auth's default lets "/\t/evil.example" through as `${baseUrl}/\t/evil.example`.
      redirect({ url }) {
        return new URL(safeReturnPath(url, appUrl), appUrl).href;
      },
      jwt({ token, user }) {
        if (user) token.sid = (user as unknown as SignedInUser).sessionId;
        return token;
      },
      async session({ session, token }) {
        // useSession() on the client sees a revoked session as signed out.
        const live = token.sid ? await authenticateBrowserSession(token.sid) : null;
        if (!live) return { ...session, user: undefined, expires: new Date(0).toISOString() };
        return { ...session, user: { name: live.user.name, email: live.user.email } };
      },
    },
    events: {
      async signOut({ token }) {
        const live = token?.sid ? await authenticateBrowserSession(token.sid) : null;
        // next-auth hands its events no request: the envelope around its route knows who sent it.
        if (live) await endSession({ id: live.id, userId: live.user.id }, currentClient());
      },
    },
  };
}
