import "server-only";
import type { AppError, RateLimitInfo } from "../errors";
import { rateLimitInfo } from "../rate-limit/limiter";
import type { Decision } from "../rate-limit/store";
import type { ErrorDialect } from "./dialects/dialect";
import { v1Dialect } from "./dialects/v1";

// The contract's JSON answers and headers, apart from the route wrapper: next-auth's route and the
// proxy's 405 answer with them too (and must not load the wrapper's authentication and database).

export function json(status: number, body: Record<string, unknown>, requestId: string, extra: Headers = new Headers()) {
  extra.set("content-type", "application/json; charset=utf-8");
  extra.set("cache-control", "no-store");
  extra.set("x-request-id", requestId);
  return new Response(JSON.stringify(body), { status, headers: extra });
}

export function setRateLimitHeaders(headers: Headers, info: RateLimitInfo) {
  headers.set("ratelimit-limit", String(info.limit));
  headers.set("ratelimit-remaining", String(info.remaining));
  headers.set("ratelimit-reset", String(info.resetSeconds));
}

/** The decision nearest to refusing is the one a client should pace itself by. */
export function tightest(decisions: Decision[]): RateLimitInfo | undefined {
  const decision = decisions.reduce<Decision | undefined>((min, next) => (!min || next.remaining < min.remaining ? next : min), undefined);
  return decision && rateLimitInfo(decision);
}

/** An error in the route's dialect, with Retry-After and RateLimit headers; also used by routes outside apiRoute (next-auth, the proxy's 405). */
export function errorResponse(
  error: AppError,
  requestId: string,
  rateLimit?: RateLimitInfo,
  extra: Record<string, unknown> = {},
  dialect: ErrorDialect = v1Dialect,
): Response {
  const headers = new Headers();
  if (error.retryAfterSeconds !== undefined) headers.set("retry-after", String(error.retryAfterSeconds));
  const limitInfo = error.rateLimit ?? rateLimit;
  if (limitInfo) setRateLimitHeaders(headers, limitInfo);
  const { status, body } = dialect.present(error, requestId);
  return json(status, { ...body, ...extra }, requestId, headers);
}
