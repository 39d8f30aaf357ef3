import "server-only";
import { randomUUID } from "node:crypto";
import { after, type NextRequest } from "next/server";
import type { Endpoint } from "@/lib/endpoints/endpoint";
import { deviceCookieName } from "../auth/cookies";
import { isDatabaseUnavailable } from "../db/errors";
import { AppError } from "../errors";
import { logger } from "../log";
import type { Decision } from "../rate-limit/store";
import { type ClientContext, clientContext, runDeferred, runInRequestContext } from "../request-context";
import type { ErrorDialect } from "./dialects/dialect";
import { v1Dialect } from "./dialects/v1";
import { errorResponse, setRateLimitHeaders, tightest } from "./respond";
import { guardTraffic } from "./traffic-guard";

// The one request envelope: every answer under /api and on the seeds' paths goes through
// serveInEnvelope, whether apiRoute's (lib/server/http/api-route.ts), next-auth's route, the
// OpenAPI document's or the proxy's 405. It loads no authentication and no database client, so
// the proxy can use it.

/** What the work inside the envelope is handed, and what it tells the log line. */
export interface Envelope {
  requestId: string;
  client: ClientContext;
  /** The rate-limit decisions taken so far on this request's behalf. */
  decisions: Decision[];
  /** Set by the work once it knows the caller: the log line names the account. */
  userId?: string;
}

export interface EnvelopeOptions {
  /** The method the client sent; server.ts hands TRACE and the like on as GETs. */
  method?: string;
  /** False for the endpoints the traffic guard's api-per-ip budget spares (health checks). */
  rateLimits?: boolean;
  /** Whose error shapes the answer takes: v1's unless the endpoint serves a seed's dialect. */
  dialect?: ErrorDialect;
  /** Fields an error answer carries besides the dialect's (next-auth's client reads `url`). */
  errorFields?: (error: AppError) => Record<string, unknown>;
}

const RETRY_AFTER_SECONDS_WHEN_UNAVAILABLE = 5;

/** What may be logged about an unexpected error: never a message that could echo arguments. */
function describeError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const safeMessage = error.name === "PrismaClientValidationError" ? "[arguments withheld]" : error.message;
  return { type: error.name, code: (error as { code?: unknown }).code, message: safeMessage, stack: error.stack?.split("\n").slice(1, 6).join("\n") };
}

function asAppError(caught: unknown, log: Record<string, unknown>): AppError {
  if (caught instanceof AppError) return caught;
  if (isDatabaseUnavailable(caught)) {
    logger().error({ ...log, err: describeError(caught) }, "database unavailable");
    return new AppError("SERVICE_UNAVAILABLE", undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS_WHEN_UNAVAILABLE });
  }
  logger().error({ ...log, err: describeError(caught) }, "unhandled error");
  return new AppError("UNEXPECTED_ERROR");
}

/** The RateLimit-* headers on an answer, copying it when its headers are immutable (a fetched Response). */
function withRateLimitHeaders(response: Response, decisions: Decision[]): Response {
  const rateLimit = tightest(decisions);
  if (!rateLimit) return response;
  try {
    setRateLimitHeaders(response.headers, rateLimit);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    setRateLimitHeaders(headers, rateLimit);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * Serves one request in its own request context (a new request id, the device cookie it carried):
 * the traffic guard first (403/429 before anything else), then the work; any error it throws
 * becomes the dialect's answer (a database outage a 503, anything unforeseen a 500 that says
 * nothing of its cause); every answer carries the RateLimit-* headers of the budget nearest to
 * refusing, whichever check took it; one log line per request, which never holds a secret; and
 * what the services deferred runs through Next's after(), once the answer has been sent.
 */
export function serveInEnvelope(request: NextRequest, work: (envelope: Envelope) => Promise<Response>, options: EnvelopeOptions = {}): Promise<Response> {
  const deviceToken = request.cookies.get(deviceCookieName())?.value;
  const client = clientContext(request.headers);
  return runInRequestContext(
    randomUUID(),
    async (context) => {
      const startedAt = performance.now();
      const envelope: Envelope = { requestId: context.requestId, client, decisions: context.decisions };
      const log = { requestId: context.requestId, method: options.method ?? request.method, path: request.nextUrl.pathname, clientIp: client.ip };
      let response: Response;
      let errorCode: string | undefined;
      try {
        await guardTraffic(client, { rateLimits: options.rateLimits ?? true });
        response = withRateLimitHeaders(await work(envelope), context.decisions);
      } catch (caught) {
        const error = asAppError(caught, log);
        errorCode = error.code;
        response = errorResponse(error, context.requestId, tightest(context.decisions), options.errorFields?.(error) ?? {}, options.dialect ?? v1Dialect);
      } finally {
        if (context.deferred.length) after(() => runDeferred(context));
      }
      logger().info({ ...log, status: response.status, errorCode, userId: envelope.userId, ms: Math.round(performance.now() - startedAt) }, "request");
      return response;
    },
    { deviceToken, client },
  );
}

/**
 * For answers that need no body, caller or database (the OpenAPI document, the proxy's 405): the
 * envelope around a plain answer.
 */
export function guarded(request: NextRequest, answer: (requestId: string, request: NextRequest) => Response, method = request.method): Promise<Response> {
  return serveInEnvelope(request, async ({ requestId }) => answer(requestId, request), { method });
}

/** A route that answers through `guarded`: the handler, carrying its endpoint's declaration (as apiRoute's do). */
export function guardedRoute(endpoint: Endpoint, answer: (requestId: string, request: NextRequest) => Response) {
  return Object.assign((request: NextRequest) => guarded(request, answer), { endpoint });
}
