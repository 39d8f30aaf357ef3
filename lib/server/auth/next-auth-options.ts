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
import { deviceCookieAttributes, nextAuthCookies, twoStepCookieAttributes, twoStepCookieName } from "./cookies";
import { completeSecondStep } from "../features/sign-in/complete-second-step";
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

/** The id of the second step's provider: its form posts to /api/auth/callback/two-step. */
export const TWO_STEP_PROVIDER = "two-step";

/**
 * A browser sign-in step: on success the device cookie and next-auth's user; a wrong password is
 * next-auth's CredentialsSignin (null); any other refusal its code, which next-auth hands the page
 * as `error` (a code, never details).
 */
async function browserSignIn(step: () => Promise<{ user: { id: string; email: string; name: string | null }; session: { id: string }; deviceToken: string }>) {
  try {
    const { user, session, deviceToken } = await step();
    (await cookies()).set(deviceCookieAttributes(deviceToken));
    return { id: user.id, email: user.email, name: user.name, sessionId: session.id };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_CREDENTIALS") return null;
    if (error instanceof AppError) throw new Error(error.code);
    logger().error({ err: { type: (error as Error)?.name } }, "browser sign-in failed");
    throw new Error("UNEXPECTED_ERROR");
  }
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
          const jar = await cookies();
          return browserSignIn(async () => {
            try {
              return await signInWithinLimits(parsed.data, "browser", clientContext(headersOf(req)));
            } catch (error) {
              // The password was right: the page goes on to the second step, which this cookie names.
              if (error instanceof AppError && error.code === "SECOND_FACTOR_REQUIRED") {
                const { challenge, expiresAt } = error.body as { challenge: string; expiresAt: string };
                jar.set(twoStepCookieAttributes(challenge, new Date(expiresAt)));
              }
              throw error;
            }
          });
        },
      }),
      // The second step of a browser sign-in (/sign-in/two-step): an app or recovery code for the
      // challenge the password step left in the two-step cookie.
      CredentialsProvider({
        id: TWO_STEP_PROVIDER,
        name: "Two-step verification",
        credentials: { code: { type: "text" } },
        async authorize(credentials, req): Promise<SignedInUser | null> {
          const jar = await cookies();
          const challenge = jar.get(twoStepCookieName())?.value;
          const code = typeof credentials?.code === "string" ? credentials.code.trim() : "";
          if (!challenge) throw new Error("INVALID_REQUEST");
          if (!code) throw new Error("INVALID_OTP");
          return browserSignIn(async () => {
            try {
              const signedIn = await completeSecondStep({ challenge, code }, "browser", clientContext(headersOf(req)));
              jar.delete({ name: twoStepCookieName(), path: "/api/auth" });
              return signedIn;
            } catch (error) {
              // A challenge that can no longer be answered: the page asks for the password again.
              if (error instanceof AppError && error.code === "INVALID_REQUEST") jar.delete({ name: twoStepCookieName(), path: "/api/auth" });
              throw error;
            }
          });
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
