import "server-only";
import { config } from "../config";

interface CookieScope {
  path: string;
  sameSite: "Lax" | "Strict";
}

const EXPIRED = new Date(0);

/**
 * The name a portal cookie goes by. On an https site (APP_URL) it carries the prefix browsers
 * enforce, so a sibling subdomain cannot plant or overwrite it: `__Host-` (Secure, Path=/, no
 * Domain) for site-wide cookies, `__Secure-` for path-scoped ones. Only that name is read there.
 */
export function cookieName(base: string, { path }: Pick<CookieScope, "path">): string {
  if (!config().secureCookies) return base;
  return path === "/" ? `__Host-${base}` : `__Secure-${base}`;
}

/**
 * A Set-Cookie value for the portal's own cookies: always HttpOnly, Secure on an https site.
 * `expiresAt` in the past (see `clearedCookie`) removes the cookie.
 */
export function httpOnlyCookie(base: string, value: string, expiresAt: Date, scope: CookieScope): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${cookieName(base, scope)}=${value}; Path=${scope.path}; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=${scope.sameSite}${secure}`;
}

export function clearedCookie(base: string, scope: CookieScope): string {
  return httpOnlyCookie(base, "", EXPIRED, scope);
}

/** The gateway's cookie: the API token, for clients that prefer cookies to a Bearer header. */
const USER_TOKEN = "userToken";
const USER_TOKEN_SCOPE: CookieScope = { path: "/", sameSite: "Lax" };

export const userTokenCookieName = () => cookieName(USER_TOKEN, USER_TOKEN_SCOPE);

export function userTokenCookie(token: string, expiresAt: Date): string {
  return httpOnlyCookie(USER_TOKEN, token, expiresAt, USER_TOKEN_SCOPE);
}

export function clearedUserTokenCookie(): string {
  return clearedCookie(USER_TOKEN, USER_TOKEN_SCOPE);
}

/**
 * The device cookie (lib/server/security/device-cookie.ts): sent with sign-ins only, which come
 * from this site, so SameSite=Strict; it outlives sessions, as a device does.
 */
const DEVICE = "deviceToken";
const DEVICE_SCOPE: CookieScope = { path: "/", sameSite: "Strict" };
const DEVICE_COOKIE_MS = 365 * 24 * 60 * 60 * 1000;

export const deviceCookieName = () => cookieName(DEVICE, DEVICE_SCOPE);

export function deviceCookie(token: string): string {
  return httpOnlyCookie(DEVICE, token, new Date(Date.now() + DEVICE_COOKIE_MS), DEVICE_SCOPE);
}

/** The same cookie as attributes, for next-auth's authorize(), which sets it through Next's cookies(). */
export function deviceCookieAttributes(token: string) {
  return {
    name: deviceCookieName(),
    value: token,
    expires: new Date(Date.now() + DEVICE_COOKIE_MS),
    path: DEVICE_SCOPE.path,
    sameSite: "strict" as const,
    httpOnly: true,
    secure: config().secureCookies,
  };
}

/** next-auth's session cookie, named by the same rule (next-auth-options.ts hands it this name). */
export const nextAuthCookieName = () => cookieName("next-auth.session-token", { path: "/" });

/** next-auth's own cookies under the portal's names: `__Host-` on https, as the portal's are. */
export function nextAuthCookies() {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: config().secureCookies };
  return {
    sessionToken: { name: nextAuthCookieName(), options },
    callbackUrl: { name: cookieName("next-auth.callback-url", options), options },
    csrfToken: { name: cookieName("next-auth.csrf-token", options), options },
  };
}

/**
 * The pending second step of a browser sign-in: the challenge its password step opened, kept
 * from the page's script (HttpOnly) and sent only to next-auth's routes, for 5 minutes, so the
 * step survives a reload.
 */
const TWO_STEP = "twoStepChallenge";
const TWO_STEP_SCOPE: CookieScope = { path: "/api/auth", sameSite: "Strict" };

export const twoStepCookieName = () => cookieName(TWO_STEP, TWO_STEP_SCOPE);

export function twoStepCookieAttributes(challenge: string, expiresAt: Date) {
  return {
    name: twoStepCookieName(),
    value: challenge,
    expires: expiresAt,
    path: TWO_STEP_SCOPE.path,
    sameSite: "strict" as const,
    httpOnly: true,
    secure: config().secureCookies,
  };
}
