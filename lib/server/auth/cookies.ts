import "server-only";
import { config } from "../config";

/** The gateway's cookie: the API token, for clients that prefer cookies to a Bearer header. */
export const USER_TOKEN_COOKIE = "userToken";

/** next-auth's session cookie; it adds the __Secure- prefix exactly when the site is https. */
export function nextAuthCookieName(): string {
  return config().appUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function userTokenCookie(token: string, expiresAt: Date): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${USER_TOKEN_COOKIE}=${token}; Path=/; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=Lax${secure}`;
}

export function clearedUserTokenCookie(): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${USER_TOKEN_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${secure}`;
}
