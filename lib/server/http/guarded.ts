import "server-only";
import { randomUUID } from "node:crypto";
import type { Endpoint } from "@/lib/endpoints/endpoint";
import { AppError } from "../errors";
import { logger } from "../log";
import { clientContext, runInRequestContext } from "../request-context";
import { errorResponse, setRateLimitHeaders, tightest } from "./respond";
import { guardTraffic } from "./traffic-guard";

/**
 * For answers that need no body, caller or database (the OpenAPI document, the proxy's 405): the
 * traffic guard first, as on every endpoint, then the answer with the RateLimit-* headers, a
 * request id and one log line. Lighter than apiRoute, which the proxy must not load. `method` is
 * the one the client sent, which server.ts passes on as GET when fetch's Request refuses it (TRACE).
 */
export function guarded(request: Request, answer: (requestId: string) => Response, method = request.method): Promise<Response> {
  return runInRequestContext(randomUUID(), async ({ requestId, decisions }) => {
    const startedAt = performance.now();
    let response: Response;
    try {
      await guardTraffic(clientContext(request.headers));
      response = answer(requestId);
      const rateLimit = tightest(decisions);
      if (rateLimit) setRateLimitHeaders(response.headers, rateLimit);
    } catch (caught) {
      const error = caught instanceof AppError ? caught : new AppError("UNEXPECTED_ERROR");
      if (!(caught instanceof AppError)) logger().error({ requestId, err: { type: (caught as Error)?.name } }, "unhandled error");
      response = errorResponse(error, requestId, tightest(decisions));
    }
    const { pathname } = new URL(request.url);
    logger().info({ requestId, method, path: pathname, status: response.status, ms: Math.round(performance.now() - startedAt) }, "request");
    return response;
  });
}

/** A route that answers through `guarded`: the handler, carrying its endpoint's declaration (as apiRoute's do). */
export function guardedRoute(endpoint: Endpoint, answer: (requestId: string) => Response) {
  return Object.assign((request: Request) => guarded(request, answer), { endpoint });
}
