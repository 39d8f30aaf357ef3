import "server-only";
import type { ErrorDialect } from "./dialect";
import { statusEnvelopeDialect } from "./status-envelope";
import { successFlagDialect } from "./success-flag";
import { v1Dialect } from "./v1";
import { zitadelDialect } from "./zitadel";

/**
 * The dialect of an answer given before a route runs (the proxy's 405). Each seed route names its
 * own dialect in its file; dialects.test.ts checks that this table agrees with them.
 */
export const SEED_ROUTE_DIALECTS: Record<string, ErrorDialect> = {
  "/api/user/password": successFlagDialect,
  "/auth/v1/users/me/password": zitadelDialect,
  "/v1/users/profile/change-password": statusEnvelopeDialect,
};

export function dialectForPath(template: string): ErrorDialect {
  return SEED_ROUTE_DIALECTS[template] ?? v1Dialect;
}
