import "server-only";
import { randomUUID } from "node:crypto";
import { ROW_ID_FORMAT } from "../db/row-id";
import type { z } from "zod";
import { AppError } from "../errors";
import { logger } from "../log";
import { optionalPrincipal, resolvePrincipal } from "../auth/principal";
import { config } from "../config";
import { after, type NextRequest } from "next/server";
import { deviceCookieName } from "../auth/cookies";
import { type ClientContext, clientContext, limitAddress, runDeferred, runInRequestContext, type RequestContext } from "../request-context";
import { isDatabaseUnavailable } from "../db/errors";
import { readJsonBody } from "./read-json-body";
import { isCrossSiteMutation } from "./same-origin";
import { validate } from "./validate";
import { guardTraffic } from "./traffic-guard";
import { enforceLimits } from "../rate-limit/limiter";
import { errorResponse, json, setRateLimitHeaders, tightest } from "./respond";
import { assertHashCapacity } from "../security/password-hash";
import { authenticateApiKey, recordApiKeyUse, type KeyedApplication } from "../features/api-keys/api-keys";
import type { Decision } from "../rate-limit/store";
import type { AuthOption, BodyOf, Endpoint, PrincipalOf } from "@/lib/endpoints/endpoint";
import { DIALECTS } from "./dialects/by-path";

/**
 * Serves one request in its own request context: a new request id, the device cookie it carried,
 * and whatever its services deferred handed to Next's after(), which runs it once the answer has
 * been sent. Used by apiRoute and around next-auth's route.
 */
export async function inRequestScope(request: NextRequest, work: (context: RequestContext) => Promise<Response>): Promise<Response> {
  const deviceToken = request.cookies.get(deviceCookieName())?.value;
  return runInRequestContext(
    randomUUID(),
    async (context) => {
      try {
        return await work(context);
      } finally {
        if (context.deferred.length) after(() => runDeferred(context));
      }
    },
    { deviceToken },
  );
}

// next-auth's route answers with these too.
export { errorResponse, setRateLimitHeaders, tightest };

export interface Reply {
  status?: number;
  /** The success body, in the route's own dialect (v1 bodies carry a `message`). */
  body: Record<string, unknown>;
  cookies?: string[];
}

/** What a route handler is wired with: its endpoint's declaration (lib/endpoints). */
type RouteOptions<S extends z.ZodType | undefined, A extends AuthOption | undefined> = Omit<Endpoint<S, A>, "method" | "path" | "docs">;

export interface RouteContext<S extends z.ZodType | undefined, A extends AuthOption | undefined> {
  request: NextRequest;
  body: BodyOf<S>;
  principal: PrincipalOf<A>;
  client: ClientContext;
  requestId: string;
  /** The application whose `x-api-key` came with the request (routes with `apiKey: true`). */
  application?: { id: string; name: string };
  /** Dynamic segments of the route, e.g. { id } for /sessions/[id]. */
  params: Record<string, string>;
}

const RETRY_AFTER_SECONDS_WHEN_UNAVAILABLE = 5;

async function requireApiKey(request: NextRequest): Promise<KeyedApplication> {
  const key = request.headers.get("x-api-key");
  const application = key ? await authenticateApiKey(key.trim()) : null;
  if (!application) throw new AppError("INVALID_API_KEY");
  return application;
}

/** What may be logged about an unexpected error: never a message that could echo arguments. */
function describeError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const safeMessage = error.name === "PrismaClientValidationError" ? "[arguments withheld]" : error.message;
  return { type: error.name, code: (error as { code?: unknown }).code, message: safeMessage, stack: error.stack?.split("\n").slice(1, 6).join("\n") };
}

/**
 * Wraps a route handler with everything the contract promises on every endpoint: the traffic
 * guard (403/429 before anything else) and the endpoint's rate limits, body limits,
 * content type, JSON parsing, validation against the shared schema, authentication, error
 * mapping, a request id, and one log line per request (which never contains a secret). What it
 * checks comes from the endpoint's declaration, which the returned handler carries (the drift
 * test matches route files to declarations by it).
 */
export function apiRoute<S extends z.ZodType | undefined = undefined, A extends AuthOption | undefined = undefined>(
  endpoint: Endpoint<S, A>,
  handler: (context: RouteContext<S, A>) => Promise<Reply>,
) {
  return Object.assign(wrap(endpoint, handler), { endpoint: endpoint as Endpoint });
}

/** The catch-all under /api, which no declaration names: the envelope alone (its guard and 404). */
export function undeclaredRoute(handler: (context: RouteContext<undefined, undefined>) => Promise<Reply>) {
  return wrap({}, handler);
}

function wrap<S extends z.ZodType | undefined, A extends AuthOption | undefined>(options: RouteOptions<S, A>, handler: (context: RouteContext<S, A>) => Promise<Reply>) {
  return function handle(request: NextRequest, route?: { params?: Promise<Record<string, string>> }): Promise<Response> {
    return inRequestScope(request, (context) => serve(request, route, context.requestId, context.decisions));
  };

  async function serve(request: NextRequest, route: { params?: Promise<Record<string, string>> } | undefined, requestId: string, decisions: Decision[]) {
    const startedAt = performance.now();
    const client = clientContext(request.headers);
    const clientIp = limitAddress(client);
    const log = { requestId, method: request.method, path: request.nextUrl.pathname, clientIp: client.ip };
    let userId: string | undefined;
    try {
      await guardTraffic(client, { rateLimits: !options.exemptFromRateLimits });
      const application = options.apiKey ? await requireApiKey(request) : undefined;
      // Who is calling is settled before the body is looked at: anonymous callers learn nothing
      // about validation rules of protected endpoints.
      const principal =
        options.auth === "optional"
          ? await optionalPrincipal(request)
          : options.auth
            ? await resolvePrincipal(request, { bearerOnly: options.auth === "bearer" })
            : undefined;
      userId = principal?.session.user.id;
      if (application && principal) await recordApiKeyUse(application);
      if (principal && principal.method !== "bearer" && isCrossSiteMutation(request)) throw new AppError("ACCESS_DENIED");
      // The seeds' routes serve other programs in their own dialects, which have no such error.
      const gated = options.auth !== "bearer" && !options.allowUnverified;
      if (gated && principal && !principal.session.user.emailVerifiedAt && config().requireVerifiedEmail) {
        throw new AppError("EMAIL_NOT_VERIFIED");
      }
      const params = (await route?.params) ?? {};
      // Every path parameter is a row id: any other shape (a NUL, a path, SQL) names nothing, and
      // never reaches a query, where a NUL alone is a database error.
      if (Object.values(params).some((value) => typeof value !== "string" || !ROW_ID_FORMAT.test(value))) throw new AppError("NOT_FOUND");
      const body = options.schema ? await validate(options.schema, await readJsonBody(request)) : undefined;
      if (options.hashesPassword) assertHashCapacity();
      if (options.limits) await enforceLimits(options.limits({ body: body as never, principal: principal as never, clientIp }), clientIp);
      const reply = await handler({
        request,
        body: body as RouteContext<S, A>["body"],
        principal: principal as RouteContext<S, A>["principal"],
        client,
        requestId,
        application,
        params,
      });
      const headers = new Headers();
      for (const cookie of reply.cookies ?? []) headers.append("set-cookie", cookie);
      const rateLimit = tightest(decisions);
      if (rateLimit) setRateLimitHeaders(headers, rateLimit);
      const status = reply.status ?? 200;
      logger().info({ ...log, status, userId, ms: Math.round(performance.now() - startedAt) }, "request");
      return json(status, reply.body, requestId, headers);
    } catch (caught) {
      let error: AppError;
      if (caught instanceof AppError) {
        error = caught;
      } else if (isDatabaseUnavailable(caught)) {
        error = new AppError("SERVICE_UNAVAILABLE", undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS_WHEN_UNAVAILABLE });
        logger().error({ ...log, err: describeError(caught) }, "database unavailable");
      } else {
        error = new AppError("UNEXPECTED_ERROR");
        logger().error({ ...log, err: describeError(caught) }, "unhandled error");
      }
      const response = errorResponse(error, requestId, tightest(decisions), {}, DIALECTS[options.dialect ?? "v1"]);
      logger().info({ ...log, status: response.status, errorCode: error.code, userId, ms: Math.round(performance.now() - startedAt) }, "request");
      return response;
    }
  }
}
