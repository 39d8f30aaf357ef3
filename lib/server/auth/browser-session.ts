import "server-only";
import { decode } from "next-auth/jwt";
import { config } from "../config";
import { authenticateBrowserSession } from "../services/sessions";
import type { SessionWithUser } from "../repositories/session-repository";
import { nextAuthCookieName } from "./cookies";

interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/**
 * The live session behind the next-auth cookie. next-auth only proves the JWT is ours; the
 * Session row it names decides whether it still counts (revoked, expired, password changed).
 */
export async function browserSessionFromCookies(cookies: CookieReader): Promise<SessionWithUser | null> {
  const jwt = cookies.get(nextAuthCookieName())?.value;
  if (!jwt) return null;
  const payload = await decode({ token: jwt, secret: config().authSecret }).catch(() => null);
  const sessionId = payload?.sid;
  if (typeof sessionId !== "string") return null;
  return authenticateBrowserSession(sessionId);
}
