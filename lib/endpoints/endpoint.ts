// One declaration per endpoint: what it is (method, path, who may call it, its body, its limits,
// the dialect its errors are written in) and how the OpenAPI document describes it. Everything
// else is derived from the declarations (lib/endpoints/index.ts): the route handlers' wiring
// (lib/server/http/api-route.ts), the 405 table (lib/served-routes.ts), the dialect of an answer
// given before a route runs, the reset cookie's path and the document (lib/openapi/document.ts).
// Importable anywhere: nothing here runs server code (the types below are erased).
import type { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import type { V1OperationSpec } from "@/lib/openapi/operation";
import type { Principal } from "@/lib/server/auth/principal";
import type { LimitCheck } from "@/lib/server/rate-limit/limiter";

export const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How errors are written on the wire (lib/server/http/dialects): v1's `{message, code}` or a seed's shape. */
export type DialectName = "v1" | "seed-002" | "seed-003" | "seed-004";

/**
 * true: Bearer token, userToken cookie or browser session (v1). "bearer": the Authorization header
 * only (the seeds). "optional": v1's credentials when one is presented (a bad one is still 401),
 * else an anonymous call (links from mail, which may be opened in any browser).
 */
export type AuthOption = true | "bearer" | "optional";
export type PrincipalOf<A> = A extends "optional" ? Principal | undefined : A extends AuthOption ? Principal : undefined;
export type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Endpoint<S extends z.ZodType | undefined = z.ZodType | undefined, A extends AuthOption | undefined = AuthOption | undefined> {
  method: Exclude<HttpMethod, "OPTIONS" | "HEAD" | "TRACE">;
  /** The OpenAPI path template, a parameter in braces (`…/sessions/{id}`). */
  path: string;
  /** How errors are written; v1's unless the endpoint serves a seed's shape. */
  dialect?: DialectName;
  /**
   * Health checks: the deny list only, no rate limit, ban or store call, so that a balancer's
   * checks never count against an address and never fail because the limits' store is down.
   */
  exemptFromRateLimits?: true;
  /**
   * The handler hashes or checks a password: when the bcrypt queue is full, 503 comes before the
   * endpoint's limits are counted, so the server's load never spends the caller's budget.
   */
  hashesPassword?: true;
  /** The shared zod schema of the body; omit for endpoints without one. */
  schema?: S;
  /** Require a caller: any of v1's credentials (true), or a Bearer token only ("bearer"). */
  auth?: A;
  /**
   * Seed 002: the request names its third-party application with an `x-api-key`, checked before
   * the caller's credential (missing, unknown or revoked → INVALID_API_KEY). The key is never a
   * credential for any account.
   */
  apiKey?: true;
  /**
   * With REQUIRE_VERIFIED_EMAIL, an account whose address is not verified may call only the
   * endpoints marked so (verifying, changing the address, signing out, leaving); others answer 403
   * EMAIL_NOT_VERIFIED.
   */
  allowUnverified?: true;
  /**
   * The endpoint's rate-limit policies (lib/server/rate-limit/policies.ts), checked after
   * validation and before the handler: before any password hashing or database work.
   */
  limits?(input: { body: BodyOf<S>; principal: PrincipalOf<A>; clientIp: string }): LimitCheck[];
  /** How the OpenAPI document describes it (lib/openapi/operation-of.ts builds the operation). */
  docs: V1Docs | SeedDocs;
}

/**
 * A v1-dialect operation: the body, the caller and the exemptions come from the declaration; the
 * codes every endpoint of its kind can answer with are added by lib/openapi/operation.ts.
 */
export type V1Docs = { style: "v1" } & Omit<V1OperationSpec, "body" | "auth" | "allowUnverified" | "exemptFromRateLimits">;

/** A seed's operation: its own answers, status by status, in its own shapes. */
export interface SeedDocs {
  style: "seed";
  meta: Omit<ZodOpenApiOperationObject, "responses" | "requestBody" | "tags">;
  answers: Record<number, { description: string; schema: z.ZodType }>;
}

/** Declares an endpoint; the generics carry its body and caller types to its route handler. */
export function endpoint<S extends z.ZodType | undefined = undefined, A extends AuthOption | undefined = undefined>(declaration: Endpoint<S, A>): Endpoint<S, A> {
  return declaration;
}
