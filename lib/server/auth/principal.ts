import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "../errors";
import type { SessionWithUser } from "../repositories/session-repository";
import { authenticateApiToken } from "../services/sessions";
import { browserSessionFromCookies } from "./browser-session";
import { userTokenCookieName } from "./cookies";

export type AuthMethod = "bearer" | "cookie" | "browser";

export interface Principal {
  session: SessionWithUser;
  method: AuthMethod;
  /** The API token that authenticated the call (bearer or cookie), for rotation. */
  token?: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The contract's order: Bearer token, then the userToken cookie, then the browser session.
 * A credential that is presented but bad is a 401, never a fall-through to the next one.
 */
export async function resolvePrincipal(request: NextRequest): Promise<Principal> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    const session = token ? await authenticateApiToken(token) : null;
    if (!session) throw new AppError("UNAUTHORIZED");
    return { session, method: "bearer", token };
  }

  const cookieToken = request.cookies.get(userTokenCookieName())?.value;
  if (cookieToken) {
    const session = await authenticateApiToken(cookieToken);
    if (!session) throw new AppError("UNAUTHORIZED");
    return { session, method: "cookie", token: cookieToken };
  }

  const session = await browserSessionFromCookies(request.cookies);
  if (!session) throw new AppError("UNAUTHORIZED");
  return { session, method: "browser" };
}
