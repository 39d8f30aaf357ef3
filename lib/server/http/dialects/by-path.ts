import "server-only";
import { ENDPOINTS } from "@/lib/endpoints";
import type { DialectName } from "@/lib/endpoints/endpoint";
import type { ErrorDialect } from "./dialect";
import { statusEnvelopeDialect } from "./status-envelope";
import { successFlagDialect } from "./success-flag";
import { v1Dialect } from "./v1";
import { zitadelDialect } from "./zitadel";

/** The presenter of each dialect an endpoint's declaration may name. */
export const DIALECTS: Record<DialectName, ErrorDialect> = {
  v1: v1Dialect,
  "seed-002": successFlagDialect,
  "seed-003": zitadelDialect,
  "seed-004": statusEnvelopeDialect,
};

const DIALECT_BY_PATH = new Map(ENDPOINTS.map((endpoint) => [endpoint.path, DIALECTS[endpoint.dialect ?? "v1"]]));

/** The dialect of an answer given before a route runs (the proxy's 405): its path's declaration's. */
export function dialectForPath(template: string): ErrorDialect {
  return DIALECT_BY_PATH.get(template) ?? v1Dialect;
}
