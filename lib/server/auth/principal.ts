import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "../errors";
import type { SessionWithUser } from "../repositories/session-repository";
import { authenticateApiToken } from "../services/sessions";
import { browserSessionFromCookies } from "./browser-session";
import { nextAuthCookieName, userTokenCookieName } from "./cookies";

export type AuthMethod = "bearer" | "cookie" | "browser";

export interface Principal {
  session: SessionWithUser;
  method: AuthMethod;
  /** The API token that authenticated the call (bearer or cookie), for rotation. */
  token?: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

const NO_CREDENTIALS = () => new AppError("UNAUTHORIZED", undefined, { reason: "no-credentials" });

/**
 * The contract's order: Bearer token, then the userToken cookie, then the browser session.
 * A credential that is presented but bad is a 401, never a fall-through to the next one.
 * `bearerOnly` (the seeds' routes): the Authorization header or nothing; their clients are
 * programs, and a route no cookie can reach needs no cross-site rule.
 */
export async function resolvePrincipal(request: NextRequest, { bearerOnly = false } = {}): Promise<Principal> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    const session = token ? await authenticateApiToken(token) : null;
    if (!session) throw new AppError("UNAUTHORIZED");
    return { session, method: "bearer", token };
  }
  if (bearerOnly) throw NO_CREDENTIALS();

  const cookieToken = request.cookies.get(userTokenCookieName())?.value;
  if (cookieToken) {
    const session = await authenticateApiToken(cookieToken);
    if (!session) throw new AppError("UNAUTHORIZED");
    return { session, method: "cookie", token: cookieToken };
  }

  const session = await browserSessionFromCookies(request.cookies);
  if (session) return { session, method: "browser" };
  // A next-auth cookie that no longer names a live session is a presented, bad credential.
  throw request.cookies.has(nextAuthCookieName()) ? new AppError("UNAUTHORIZED") : NO_CREDENTIALS();
}

/** The caller when a credential is presented (a bad one is 401, as everywhere), else undefined. */
export async function optionalPrincipal(request: NextRequest): Promise<Principal | undefined> {
  const presented =
    request.headers.get("authorization") !== null || !!request.cookies.get(userTokenCookieName())?.value || request.cookies.has(nextAuthCookieName());
  return presented ? resolvePrincipal(request) : undefined;
}
