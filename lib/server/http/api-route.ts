import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { AuthOption, BodyOf, Endpoint, PrincipalOf } from "@/lib/endpoints/endpoint";
import { optionalPrincipal, resolvePrincipal } from "../auth/principal";
import { config } from "../config";
import { ROW_ID_FORMAT } from "../db/row-id";
import { AppError } from "../errors";
import { authenticateApiKey, recordApiKeyUse, type KeyedApplication } from "../features/api-keys/api-keys";
import { enforceLimits } from "../rate-limit/limiter";
import { type ClientContext, limitAddress } from "../request-context";
import { assertHashCapacity } from "../security/password-hash";
import { DIALECTS } from "./dialects/by-path";
import { type Envelope, serveInEnvelope } from "./envelope";
import { readJsonBody } from "./read-json-body";
import { json } from "./respond";
import { isCrossSiteMutation } from "./same-origin";
import { validate } from "./validate";

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

async function requireApiKey(request: NextRequest): Promise<KeyedApplication> {
  const key = request.headers.get("x-api-key");
  const application = key ? await authenticateApiKey(key.trim()) : null;
  if (!application) throw new AppError("INVALID_API_KEY");
  return application;
}

/**
 * Wraps a route handler, inside the request envelope (traffic guard, error answers, request id,
 * RateLimit-* headers, log line), with what the contract promises on a declared endpoint: its API
 * key, authentication, the cross-site check, body limits, content type, JSON parsing, validation
 * against the shared schema, the bcrypt queue's capacity and its rate limits. What it checks
 * comes from the endpoint's declaration, which the returned handler carries (the drift test
 * matches route files to declarations by it).
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
    return serveInEnvelope(request, (envelope) => serve(request, route, envelope), {
      rateLimits: !options.exemptFromRateLimits,
      dialect: DIALECTS[options.dialect ?? "v1"],
    });
  };

  async function serve(request: NextRequest, route: { params?: Promise<Record<string, string>> } | undefined, envelope: Envelope) {
    const { client, requestId } = envelope;
    const clientIp = limitAddress(client);
    const application = options.apiKey ? await requireApiKey(request) : undefined;
    // Who is calling is settled before the body is looked at: anonymous callers learn nothing
    // about validation rules of protected endpoints.
    const principal =
      options.auth === "optional"
        ? await optionalPrincipal(request)
        : options.auth
          ? await resolvePrincipal(request, { bearerOnly: options.auth === "bearer" })
          : undefined;
    envelope.userId = principal?.session.user.id;
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
    return json(reply.status ?? 200, reply.body, requestId, headers);
  }
}
