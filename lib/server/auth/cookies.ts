import "server-only";
import { config } from "../config";

/** The gateway's cookie: the API token, for clients that prefer cookies to a Bearer header. */
export const USER_TOKEN_COOKIE = "userToken";

/** next-auth's session cookie; it adds the __Secure- prefix exactly when the site is https. */
export function nextAuthCookieName(): string {
  return config().appUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

interface CookieScope {
  path: string;
  sameSite: "Lax" | "Strict";
}

const EXPIRED = new Date(0);

/**
 * A Set-Cookie value for the portal's own cookies: always HttpOnly, Secure in production.
 * `expiresAt` in the past (see `clearedCookie`) removes the cookie.
 */
export function httpOnlyCookie(name: string, value: string, expiresAt: Date, { path, sameSite }: CookieScope): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${name}=${value}; Path=${path}; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=${sameSite}${secure}`;
}

export function clearedCookie(name: string, scope: CookieScope): string {
  return httpOnlyCookie(name, "", EXPIRED, scope);
}

const USER_TOKEN_SCOPE: CookieScope = { path: "/", sameSite: "Lax" };

export function userTokenCookie(token: string, expiresAt: Date): string {
  return httpOnlyCookie(USER_TOKEN_COOKIE, token, expiresAt, USER_TOKEN_SCOPE);
}

export function clearedUserTokenCookie(): string {
  return clearedCookie(USER_TOKEN_COOKIE, USER_TOKEN_SCOPE);
}
